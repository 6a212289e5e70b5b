import { describe, expect, it, vi } from "vitest";

import { readCloudEvent } from "./cloudevents";
import { headerLookup, W3C_EXAMPLE } from "./test-builders";

const ORIGIN = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

describe("readCloudEvent in binary mode", () => {
  const headers = headerLookup({
    ce_specversion: "1.0",
    ce_id: "A234-1234-1234",
    ce_source: "/mycontext/order-service",
    ce_type: "com.example.order.created",
    ce_time: "2018-04-05T17:31:00Z",
    ce_subject: "order-1042",
    ce_traceparent: ORIGIN,
    ce_correlationid: "conv-7",
    ce_causationid: "A234-1234-1233",
    "content-type": "application/json",
  });

  it("reads the ce_ attributes", () => {
    expect(readCloudEvent(headers, () => undefined)).toMatchObject({
      mode: "binary",
      id: "A234-1234-1234",
      source: "/mycontext/order-service",
      type: "com.example.order.created",
      time: "2018-04-05T17:31:00Z",
      subject: "order-1042",
      specversion: "1.0",
      correlationId: "conv-7",
      causationId: "A234-1234-1233",
    });
  });

  it("reads ce_traceparent (distributed-tracing extension) as the starting trace", () => {
    expect(readCloudEvent(headers, () => undefined)?.traceparent?.traceId).toBe(
      "0af7651916cd43dd8448eb211c80319c",
    );
  });

  it("ignores a malformed ce_traceparent", () => {
    const event = readCloudEvent(
      headerLookup({ ce_id: "1", ce_traceparent: ORIGIN.toUpperCase() }),
      () => undefined,
    );
    expect(event?.traceparent).toBeNull();
  });

  it("does not read the value of a binary-mode event", () => {
    const json = vi.fn();
    readCloudEvent(headers, json);
    expect(json).not.toHaveBeenCalled();
  });
});

describe("readCloudEvent in structured mode", () => {
  const event = {
    specversion: "1.0",
    id: "A234-1234-1234",
    source: "/mycontext/order-service",
    type: "com.example.order.created",
    traceparent: W3C_EXAMPLE.header,
    correlationid: "conv-7",
    causationid: "A234-1234-1233",
    data: { orderId: 1042 },
  };

  it("reads the attributes from the JSON value when the content type says so", () => {
    const headers = headerLookup({ "Content-Type": "application/cloudevents+json; charset=UTF-8" });
    expect(readCloudEvent(headers, () => event)).toMatchObject({
      mode: "structured",
      id: "A234-1234-1234",
      source: "/mycontext/order-service",
      type: "com.example.order.created",
      correlationId: "conv-7",
      causationId: "A234-1234-1233",
      traceparent: { traceId: W3C_EXAMPLE.traceId },
    });
  });

  it("is not a CloudEvent when the structured value is not a JSON object", () => {
    const headers = headerLookup({ "content-type": "application/cloudevents+json" });
    expect(readCloudEvent(headers, () => undefined)).toBeNull();
    expect(readCloudEvent(headers, () => [event])).toBeNull();
  });
});

it("finds no CloudEvent in a record without ce_ headers or the CloudEvents content type", () => {
  expect(
    readCloudEvent(headerLookup({ "content-type": "application/json" }), () => ({ id: "1" })),
  ).toBeNull();
});
