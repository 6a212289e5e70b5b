import { describe, expect, it } from "vitest";

import { decodeRecord } from "./decode-record";
import type { DecodeOptions } from "./options";
import { B3_EXAMPLE, W3C_EXAMPLE, record, type RecordParts } from "./test-builders";

const ORIGIN_TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
const UUID = "3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b";

const decode = (parts: RecordParts, options?: Partial<DecodeOptions>) => decodeRecord(record(parts), options);

describe("trace identity", () => {
  it("takes trace id and span id from a W3C traceparent", () => {
    expect(decode({ headers: { traceparent: W3C_EXAMPLE.header } })).toMatchObject({
      traceId: W3C_EXAMPLE.traceId,
      spanId: W3C_EXAMPLE.parentId,
      parentSpanId: null,
      traceSource: "traceparent",
    });
  });

  it("matches the traceparent header name case-insensitively", () => {
    expect(decode({ headers: { TraceParent: W3C_EXAMPLE.header } }).traceId).toBe(W3C_EXAMPLE.traceId);
  });

  it("prefers traceparent over b3 by default", () => {
    const event = decode({ headers: { b3: B3_EXAMPLE.single, traceparent: W3C_EXAMPLE.header } });
    expect(event).toMatchObject({ traceId: W3C_EXAMPLE.traceId, traceSource: "traceparent" });
  });

  it("ignores a malformed traceparent without calling it a decode error", () => {
    const event = decode({
      headers: { traceparent: `ff-${W3C_EXAMPLE.traceId}-${W3C_EXAMPLE.parentId}-01`, b3: B3_EXAMPLE.single },
    });
    expect(event).toMatchObject({ traceId: B3_EXAMPLE.traceId, traceSource: "b3", decodeError: null });
  });

  it("uses the first traceparent when the header repeats", () => {
    const second = `00-${"1".repeat(32)}-${W3C_EXAMPLE.parentId}-01`;
    expect(decode({ headers: { traceparent: [W3C_EXAMPLE.header, second] } }).traceId).toBe(
      W3C_EXAMPLE.traceId,
    );
  });

  it("takes trace, span and parent span ids from the b3 single header", () => {
    expect(decode({ headers: { b3: B3_EXAMPLE.single } })).toMatchObject({
      traceId: B3_EXAMPLE.traceId,
      spanId: B3_EXAMPLE.spanId,
      parentSpanId: B3_EXAMPLE.parentSpanId,
      traceSource: "b3",
    });
  });

  it("pads a 64-bit B3 trace id so it stitches with the same trace sent as W3C", () => {
    const b3 = decode({ headers: { b3: B3_EXAMPLE.single64 } });
    const w3c = decode({ headers: { traceparent: `00-${B3_EXAMPLE.padded64}-00f067aa0ba902b7-01` } });
    expect(b3.traceId).toBe(B3_EXAMPLE.padded64);
    expect(b3.traceId).toBe(w3c.traceId);
  });

  it("lets the b3 single header win over the multi headers", () => {
    const event = decode({
      headers: {
        b3: B3_EXAMPLE.single,
        "X-B3-TraceId": "a3ce929d0e0e4736",
        "X-B3-SpanId": "00f067aa0ba902b7",
      },
    });
    expect(event).toMatchObject({ traceId: B3_EXAMPLE.traceId, traceSource: "b3" });
  });

  it("reads the multi headers when b3 only carries a sampling decision", () => {
    const event = decode({
      headers: {
        b3: "1",
        "X-B3-TraceId": "a3ce929d0e0e4736",
        "X-B3-SpanId": "00f067aa0ba902b7",
        "X-B3-ParentSpanId": "05e3ac9a4f6e3b90",
      },
    });
    expect(event).toMatchObject({
      traceId: B3_EXAMPLE.padded64,
      spanId: "00f067aa0ba902b7",
      parentSpanId: "05e3ac9a4f6e3b90",
      traceSource: "b3-multi",
    });
  });

  it("uses the CloudEvents ce_traceparent when there is no per-hop trace header", () => {
    expect(decode({ headers: { ce_id: "1", ce_traceparent: ORIGIN_TRACEPARENT } })).toMatchObject({
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      traceSource: "cloudevents",
      originTraceId: "0af7651916cd43dd8448eb211c80319c",
    });
  });

  it("keeps both the per-hop traceparent and the CloudEvents starting trace", () => {
    const event = decode({
      headers: { traceparent: W3C_EXAMPLE.header, ce_id: "1", ce_traceparent: ORIGIN_TRACEPARENT },
    });
    expect(event).toMatchObject({
      traceId: W3C_EXAMPLE.traceId,
      traceSource: "traceparent",
      originTraceId: "0af7651916cd43dd8448eb211c80319c",
    });
  });

  it("reads the trace of a structured-mode CloudEvent from its JSON", () => {
    const event = decode({
      headers: { "content-type": "application/cloudevents+json" },
      value: {
        specversion: "1.0",
        id: "evt-1",
        source: "/orders",
        type: "order.created",
        traceparent: W3C_EXAMPLE.header,
      },
    });
    expect(event).toMatchObject({
      traceId: W3C_EXAMPLE.traceId,
      traceSource: "cloudevents",
      messageId: "evt-1",
      service: "/orders",
      eventType: "order.created",
    });
  });

  it("uses a 32-hex correlation id as the trace id", () => {
    expect(decode({ headers: { "x-correlation-id": W3C_EXAMPLE.traceId.toUpperCase() } })).toMatchObject({
      traceId: W3C_EXAMPLE.traceId,
      traceSource: "correlation",
      correlationId: W3C_EXAMPLE.traceId.toUpperCase(),
    });
  });

  it("groups by a correlation id that is not a trace id without inventing a trace id", () => {
    expect(decode({ headers: { "correlation-id": UUID } })).toMatchObject({
      traceId: null,
      traceSource: "correlation",
      correlationId: UUID,
    });
  });

  it("falls back to a trace id in the JSON payload", () => {
    expect(decode({ value: { traceId: W3C_EXAMPLE.traceId } })).toMatchObject({
      traceId: W3C_EXAMPLE.traceId,
      traceSource: "payload",
    });
    expect(decode({ value: { trace_id: "a3ce929d0e0e4736" } })).toMatchObject({
      traceId: B3_EXAMPLE.padded64,
      traceSource: "payload",
    });
  });

  it("groups by a payload correlation id that is not a trace id", () => {
    expect(decode({ value: { correlationId: "order-1042" } })).toMatchObject({
      traceId: null,
      traceSource: "payload",
      correlationId: "order-1042",
    });
  });

  it("reads configured dotted payload paths", () => {
    const options = {
      payloadPaths: { traceId: ["metadata.traceId"], correlationId: [], causationId: [], eventType: [] },
    };
    const event = decode(
      { value: { traceId: "ignored", metadata: { traceId: W3C_EXAMPLE.traceId } } },
      options,
    );
    expect(event).toMatchObject({ traceId: W3C_EXAMPLE.traceId, traceSource: "payload" });
  });

  it("uses the payload only when no header gives an id", () => {
    const event = decode({
      headers: { "correlation-id": "conv-1" },
      value: { traceId: W3C_EXAMPLE.traceId },
    });
    expect(event).toMatchObject({ traceId: null, traceSource: "correlation", correlationId: "conv-1" });
  });

  it("follows a changed precedence order", () => {
    const headers = { b3: B3_EXAMPLE.single, traceparent: W3C_EXAMPLE.header };
    expect(decode({ headers }, { tracePrecedence: ["b3", "traceparent"] })).toMatchObject({
      traceId: B3_EXAMPLE.traceId,
      traceSource: "b3",
    });
  });

  it("ignores a source left out of the precedence order", () => {
    const event = decode(
      { headers: { traceparent: W3C_EXAMPLE.header }, value: { traceId: B3_EXAMPLE.traceId } },
      { tracePrecedence: ["payload"] },
    );
    expect(event).toMatchObject({ traceId: B3_EXAMPLE.traceId, traceSource: "payload" });
  });

  it("can put the payload before the correlation header, and then does not claim a second grouping key", () => {
    const precedence = { tracePrecedence: ["payload", "correlation"] as const };
    const hex = decode(
      { headers: { "correlation-id": "conv-1" }, value: { traceId: W3C_EXAMPLE.traceId } },
      precedence,
    );
    expect(hex).toMatchObject({
      traceId: W3C_EXAMPLE.traceId,
      traceSource: "payload",
      correlationId: "conv-1",
    });
    const other = decode({ headers: { "correlation-id": "conv-1" }, value: { traceId: "t-9" } }, precedence);
    expect(other).toMatchObject({ traceId: null, traceSource: "correlation", correlationId: "conv-1" });
  });

  it("skips unknown names in a configured precedence order", () => {
    const tracePrecedence = [
      "constructor",
      "toString",
      "traceparent",
    ] as unknown as DecodeOptions["tracePrecedence"];
    const event = decode({ headers: { traceparent: W3C_EXAMPLE.header } }, { tracePrecedence });
    expect(event).toMatchObject({ traceSource: "traceparent", decodeError: null });
  });

  it("reports no trace when nothing identifies one", () => {
    expect(decode({ value: "plain text" })).toMatchObject({
      traceId: null,
      traceSource: "none",
      spanId: null,
      parentSpanId: null,
      originTraceId: null,
      correlationId: null,
    });
  });
});
