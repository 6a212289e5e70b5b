import { describe, expect, it } from "vitest";

import { decodeRecord } from "./decode-record";
import type { DecodeOptions } from "./options";
import { bytes, record, type RecordParts } from "./test-builders";

const UUID = "3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b";

const decode = (parts: RecordParts, options?: Partial<DecodeOptions>) => decodeRecord(record(parts), options);

describe("correlation and causation", () => {
  it.each([
    ["correlation-id"],
    ["x-correlation-id"],
    ["ce_correlationid"],
    ["NServiceBus.CorrelationId"],
    ["CorrelationId"], // MassTransit
    ["axon-metadata-traceId"], // Axon's id of the root message: the conversation
    ["$correlationId"],
  ])("reads the correlation id from %s", (name) => {
    expect(decode({ headers: { [name]: UUID } }).correlationId).toBe(UUID);
  });

  it.each([
    ["causation-id"],
    ["x-causation-id"],
    ["ce_causationid"],
    ["NServiceBus.RelatedTo"],
    ["MT-InitiatorId"],
    ["axon-metadata-causationId"],
    ["axon-metadata-correlationId"], // Axon's id of the parent message
    ["$causationId"],
  ])("reads the causation id from %s", (name) => {
    expect(decode({ headers: { [name]: "msg-41" } }).causationId).toBe("msg-41");
  });

  it("reads EventStoreDB $correlationId and $causationId from JSON metadata", () => {
    expect(decode({ value: { $correlationId: "c-1", $causationId: "m-1" } })).toMatchObject({
      correlationId: "c-1",
      causationId: "m-1",
    });
    expect(decode({ value: { metadata: { $correlationId: "c-2", $causationId: "m-2" } } })).toMatchObject({
      correlationId: "c-2",
      causationId: "m-2",
    });
  });

  it("reads the correlation extension of a structured-mode CloudEvent", () => {
    const event = decode({
      headers: { "content-type": "application/cloudevents+json" },
      value: {
        specversion: "1.0",
        id: "e-2",
        source: "/pay",
        type: "paid",
        correlationid: "c-3",
        causationid: "e-1",
      },
    });
    expect(event).toMatchObject({ correlationId: "c-3", causationId: "e-1", traceSource: "correlation" });
  });

  it("does not let an empty header hide the next name", () => {
    expect(decode({ headers: { "correlation-id": "", "x-correlation-id": "c-9" } }).correlationId).toBe(
      "c-9",
    );
  });

  it("reads Axon metadata written as raw big-endian numbers", () => {
    const causation = bytes(0, 0, 0, 0, 0, 0, 0x30, 0x39);
    expect(decode({ headers: { "axon-metadata-correlationId": causation } }).causationId).toBe("12345");
  });

  it("shows a binary correlation id as hex", () => {
    expect(decode({ headers: { "correlation-id": bytes(0xde, 0xad, 0xbe, 0xef) } }).correlationId).toBe(
      "deadbeef",
    );
  });
});

describe("message id, service and event type", () => {
  it.each(["ce_id", "message-id", "x-message-id", "NServiceBus.MessageId", "MessageId", "axon-message-id"])(
    "reads the message id from %s",
    (name) => {
      expect(decode({ headers: { [name]: "msg-42" } }).messageId).toBe("msg-42");
    },
  );

  it.each(["ce_source", "service", "x-service", "source", "producer"])(
    "reads the producing service from %s",
    (name) => {
      expect(decode({ headers: { [name]: "order-service" } }).service).toBe("order-service");
    },
  );

  it("never guesses a service without a header", () => {
    expect(
      decode({ topic: "order-service.events", key: "order-service", value: { service: "order-service" } })
        .service,
    ).toBeNull();
  });

  it("uses configured service header names", () => {
    const headerNames = { service: ["app-name"] } as unknown as DecodeOptions["headerNames"];
    expect(decode({ headers: { "app-name": "billing", service: "ignored" } }, { headerNames }).service).toBe(
      "billing",
    );
  });

  it.each(["ce_type", "type", "event-type", "x-event-type", "axon-message-type"])(
    "reads the event type from %s",
    (name) => {
      expect(decode({ headers: { [name]: "OrderPlaced" } }).eventType).toBe("OrderPlaced");
    },
  );

  it("falls back to the JSON type field for the event type", () => {
    expect(decode({ value: { type: "OrderPlaced" } }).eventType).toBe("OrderPlaced");
    expect(decode({ headers: { "event-type": "FromHeader" }, value: { type: "FromBody" } }).eventType).toBe(
      "FromHeader",
    );
  });
});
