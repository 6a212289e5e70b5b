import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEvent } from "@/lib/ingest/decode-event";
import { ingestOptions } from "@/lib/ingest/ingest-options";
import { summarizeDeadLetter, summarizeRecord } from "@/lib/ingest/summarize-record";
import { SUMMARY_PREVIEW_CHARS } from "@/lib/model/event";
import type { RawRecord } from "@/lib/model/raw-record";

const enc = new TextEncoder();
const options = ingestOptions(["*.DLQ"]);
const TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

function record(parts: Partial<RawRecord> & { headerText?: Record<string, string> }): RawRecord {
  return {
    topic: parts.topic ?? "orders.events",
    partition: parts.partition ?? 0,
    offset: parts.offset ?? "42",
    timestamp: parts.timestamp ?? "1700000000000",
    key: parts.key === undefined ? enc.encode("order-42") : parts.key,
    value: parts.value === undefined ? enc.encode('{"orderId":"order-42"}') : parts.value,
    headers:
      parts.headers ??
      Object.entries(parts.headerText ?? {}).map(([key, v]) => ({ key, value: enc.encode(v) })),
  };
}

describe("summarizeRecord (the ingest hot path)", () => {
  it("reads identity from headers exactly as the full decoder does", () => {
    const raw = record({
      headerText: {
        traceparent: TRACEPARENT,
        ce_id: "m-1",
        ce_source: "order-service",
        ce_type: "OrderPlaced",
        "correlation-id": "order-42",
        "causation-id": "m-0",
      },
    });
    const summary = summarizeRecord(raw, options);
    const { key, headers, value, ...full } = decodeEvent(raw, options);
    expect(summary).toEqual(full);
    expect(summary).toMatchObject({
      id: "orders.events/0/42",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      messageId: "m-1",
      causationId: "m-0",
      service: "order-service",
      eventType: "OrderPlaced",
      preview: '{"orderId":"order-42"}',
      keyPreview: "order-42",
    });
    expect([key, headers.length, value.kind]).toEqual([expect.anything(), 6, "json"]);
  });

  it("keeps a short preview of a large value, and hex for binary", () => {
    const big = summarizeRecord(
      record({ value: enc.encode(JSON.stringify({ blob: "é".repeat(50_000) })) }),
      options,
    );
    expect(big.preview.length).toBe(SUMMARY_PREVIEW_CHARS);
    expect(summarizeRecord(record({ value: new Uint8Array([0xff, 0xfe, 0x00]) }), options).preview).toBe(
      "fffe00",
    );
  });

  it("finds the ids inside the value only when no header gives them", () => {
    const summary = summarizeRecord(record({ value: enc.encode('{"correlationId":"order-7"}') }), options);
    expect(summary.correlationId).toBe("order-7");
  });

  it("names the record a dead letter was made from, and hands the DLQ reader the whole decoding", () => {
    const raw = record({
      topic: "payments.DLQ",
      headerText: {
        "x-original-topic": "payments",
        "x-original-partition": "2",
        "x-original-offset": "17",
        "x-error-type": "Timeout",
      },
    });
    expect(summarizeRecord(raw, options).deadLetterOf).toBe("payments/2/17");
    const { summary, letter } = summarizeDeadLetter(raw, options);
    expect(summary.deadLetterOf).toBe("payments/2/17");
    expect(letter?.error.type).toBe("Timeout");
    expect(summarizeRecord(record({}), options).deadLetterOf).toBeNull();
  });

  it("never throws, whatever the bytes", () => {
    const bytes = fc.uint8Array({ maxLength: 64 });
    fc.assert(
      fc.property(
        fc.option(bytes, { nil: null }),
        fc.option(bytes, { nil: null }),
        fc.array(fc.record({ key: fc.string(), value: fc.option(bytes, { nil: null }) }), { maxLength: 8 }),
        (key, value, headers) => {
          const summary = summarizeRecord(record({ key, value, headers }), options);
          expect(summary.id).toBe("orders.events/0/42");
        },
      ),
    );
  });
});
