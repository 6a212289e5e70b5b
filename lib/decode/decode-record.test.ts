import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { RawRecord } from "@/lib/model/raw-record";

import { decodeRecord } from "./decode-record";
import { bytes, record, utf8, W3C_EXAMPLE } from "./test-builders";

describe("decodeRecord", () => {
  it("identifies a record by topic, partition and offset", () => {
    const event = decodeRecord(record({ topic: "payments", partition: 3, offset: "9007199254740993" }));
    expect(event).toMatchObject({
      id: "payments/3/9007199254740993",
      topic: "payments",
      partition: 3,
      offset: "9007199254740993",
    });
  });

  it("reads the timestamp from kafkajs' decimal string or from a number", () => {
    expect(decodeRecord(record({ timestamp: "1700000000123" })).timestamp).toBe(1_700_000_000_123);
    expect(decodeRecord(record({ timestamp: 1_700_000_000_456 })).timestamp).toBe(1_700_000_000_456);
  });

  it("counts key, value, header keys and header values in the size", () => {
    const event = decodeRecord(record({ key: "k1", value: "hello", headers: { é: "ab", x: null } }));
    // key 2 + value 5 + "é" 2 + "ab" 2 + "x" 1
    expect(event.size).toBe(12);
  });

  it("decodes key, value and headers for display", () => {
    const event = decodeRecord(
      record({
        key: "order-1042",
        value: { orderId: 1042 },
        headers: [
          ["retry", "1"],
          ["bin", bytes(0xff, 0x00)],
          ["retry", "2"],
          ["empty", ""],
          ["none", null],
        ],
      }),
    );
    expect(event.key).toEqual({ kind: "text", text: "order-1042", size: 10, truncated: false });
    expect(event.value).toMatchObject({ kind: "json", json: { orderId: 1042 } });
    expect(event.headers).toEqual([
      { key: "retry", value: { text: "1", encoding: "utf8" } },
      { key: "bin", value: { text: "ff00", encoding: "hex" } },
      { key: "retry", value: { text: "2", encoding: "utf8" } },
      { key: "empty", value: { text: "", encoding: "utf8" } },
      { key: "none", value: null },
    ]);
  });

  it("keeps a missing key as null and a tombstone value as empty", () => {
    const event = decodeRecord(record({ key: null, value: null }));
    expect(event.key).toBeNull();
    expect(event.value).toEqual({ kind: "empty", text: "", size: 0, truncated: false });
  });

  it("applies a configured payload cap", () => {
    expect(decodeRecord(record({ value: "abcdef" }), { payloadCapBytes: 3 }).value).toMatchObject({
      text: "abc",
      truncated: true,
    });
  });

  it("keeps trace ids found in a JSON value truncated for display", () => {
    const event = decodeRecord(record({ value: { pad: "x".repeat(200), traceId: W3C_EXAMPLE.traceId } }), {
      payloadCapBytes: 16,
    });
    expect(event).toMatchObject({ traceId: W3C_EXAMPLE.traceId, value: { truncated: true } });
  });

  it("keeps a record with an unreadable timestamp and says why", () => {
    const event = decodeRecord(
      record({ timestamp: "yesterday", headers: { traceparent: W3C_EXAMPLE.header } }),
    );
    expect(event.timestamp).toBe(0);
    expect(event.traceId).toBe(W3C_EXAMPLE.traceId);
    expect(event.decodeError).toMatch(/^timestamp: /);
  });

  it("returns a record with decodeError instead of throwing on a malformed input", () => {
    const broken = {
      topic: "t",
      partition: 1,
      offset: "2",
      timestamp: 0,
      key: null,
      value: utf8("v"),
      headers: "nope",
    } as unknown as RawRecord;
    const event = decodeRecord(broken);
    expect(event).toMatchObject({ id: "t/1/2", headers: [], value: { kind: "text", text: "v" } });
    expect(event.decodeError).toMatch(/headers/);
    expect(() => decodeRecord(null as unknown as RawRecord)).not.toThrow();
  });

  it("never throws for arbitrary bytes and headers", () => {
    const maybeBytes = fc.option(fc.uint8Array({ maxLength: 300 }), { nil: null });
    const header = fc.record({ key: fc.string(), value: maybeBytes });
    const raw = fc.record({
      topic: fc.string(),
      partition: fc.integer(),
      offset: fc.string(),
      timestamp: fc.oneof(fc.string(), fc.double()),
      key: maybeBytes,
      value: fc.oneof(
        maybeBytes,
        fc.json().map((text) => utf8(text)),
      ),
      headers: fc.array(header, { maxLength: 8 }),
    });
    fc.assert(
      fc.property(raw, fc.integer({ min: 0, max: 400 }), (input, payloadCapBytes) => {
        const event = decodeRecord(input, { payloadCapBytes });
        expect(event.id).toBe(`${input.topic}/${input.partition}/${input.offset}`);
        expect(event.headers).toHaveLength(input.headers.length);
        if (event.traceId !== null) expect(event.traceId).toMatch(/^[0-9a-f]{32}$/);
      }),
    );
  });

  it("never throws when arbitrary header values land on the headers it interprets", () => {
    const names = fc.constantFrom(
      "traceparent",
      "b3",
      "X-B3-TraceId",
      "X-B3-SpanId",
      "ce_traceparent",
      "ce_id",
      "content-type",
      "correlation-id",
      "axon-metadata-correlationId",
      "type",
    );
    const value = fc.oneof(fc.string().map(utf8), fc.uint8Array({ maxLength: 16 }), fc.constant(null));
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: names, value }), { maxLength: 10 }),
        fc.json(),
        (headers, json) => {
          expect(() => decodeRecord({ ...record({ value: json }), headers })).not.toThrow();
        },
      ),
    );
  });
});
