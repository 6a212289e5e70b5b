import { describe, expect, it } from "vitest";

import { parseB3Multi, parseB3Single } from "./b3";
import { B3_EXAMPLE } from "./test-builders";

const { traceId, spanId, parentSpanId } = B3_EXAMPLE;

describe("parseB3Single", () => {
  it("reads trace id, span id, sampling state and parent span id", () => {
    expect(parseB3Single(B3_EXAMPLE.single)).toEqual({
      traceId,
      spanId,
      parentSpanId,
      sampled: true,
      debug: false,
    });
  });

  it("left-pads a 64-bit trace id with 16 zeros so it stitches with W3C ids", () => {
    expect(parseB3Single(B3_EXAMPLE.single64)).toEqual({
      traceId: B3_EXAMPLE.padded64,
      spanId: "00f067aa0ba902b7",
      parentSpanId: null,
      sampled: true,
      debug: false,
    });
  });

  it("accepts ids without a sampling state", () => {
    expect(parseB3Single(`${traceId}-${spanId}`)).toMatchObject({ traceId, spanId, sampled: null });
  });

  it("reads the sampling states 0 and d (debug implies sampled)", () => {
    expect(parseB3Single(`${traceId}-${spanId}-0`)).toMatchObject({ sampled: false, debug: false });
    expect(parseB3Single(`${traceId}-${spanId}-d`)).toMatchObject({ sampled: true, debug: true });
  });

  it.each(["0", "1", "d"])("finds no ids in a bare sampling decision b3: %s", (value) => {
    expect(parseB3Single(value)).toBeNull();
  });

  it.each([
    ["uppercase ids", B3_EXAMPLE.single.toUpperCase()],
    ["an unknown sampling state", `${traceId}-${spanId}-2`],
    ["a parent without a sampling state", `${traceId}-${spanId}-${parentSpanId}`],
    ["a malformed parent", `${traceId}-${spanId}-1-05e3ac9a`],
    ["too many fields", `${B3_EXAMPLE.single}-1`],
    ["a 20-hex trace id", `${traceId.slice(12)}-${spanId}`],
    ["an all-zero trace id", `${"0".repeat(32)}-${spanId}`],
    ["an all-zero span id", `${traceId}-${"0".repeat(16)}`],
    ["an empty value", ""],
  ])("rejects %s", (_, value) => {
    expect(parseB3Single(value)).toBeNull();
  });
});

describe("parseB3Multi", () => {
  it("reads the X-B3-* headers", () => {
    expect(parseB3Multi({ traceId, spanId, parentSpanId, sampled: "1" })).toEqual({
      traceId,
      spanId,
      parentSpanId,
      sampled: true,
      debug: false,
    });
  });

  it("pads a 64-bit trace id", () => {
    expect(parseB3Multi({ traceId: "a3ce929d0e0e4736", spanId })?.traceId).toBe(B3_EXAMPLE.padded64);
  });

  it("requires both a trace id and a span id", () => {
    expect(parseB3Multi({ traceId, spanId: null })).toBeNull();
    expect(parseB3Multi({ traceId: null, spanId })).toBeNull();
    expect(parseB3Multi({ traceId: traceId.toUpperCase(), spanId })).toBeNull();
  });

  it("accepts the legacy true/false sampled values and reads X-B3-Flags: 1 as debug", () => {
    expect(parseB3Multi({ traceId, spanId, sampled: "false" })?.sampled).toBe(false);
    expect(parseB3Multi({ traceId, spanId, sampled: "true" })?.sampled).toBe(true);
    expect(parseB3Multi({ traceId, spanId, flags: "1" })).toMatchObject({ sampled: true, debug: true });
    expect(parseB3Multi({ traceId, spanId })?.sampled).toBeNull();
  });

  it("drops a malformed parent span id but keeps the ids", () => {
    expect(parseB3Multi({ traceId, spanId, parentSpanId: "nope" })).toMatchObject({
      traceId,
      parentSpanId: null,
    });
  });
});
