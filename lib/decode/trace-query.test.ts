import { describe, expect, it } from "vitest";

import { B3_EXAMPLE, W3C_EXAMPLE } from "./test-builders";
import { parseTraceQuery } from "./trace-query";

describe("parseTraceQuery", () => {
  it("recognises a 32-hex trace id", () => {
    expect(parseTraceQuery(W3C_EXAMPLE.traceId)).toEqual({
      kind: "trace-id",
      traceId: W3C_EXAMPLE.traceId,
      raw: W3C_EXAMPLE.traceId,
    });
  });

  it("accepts uppercase and surrounding whitespace, as copied from logs", () => {
    expect(parseTraceQuery(`  ${W3C_EXAMPLE.traceId.toUpperCase()}\n`)).toEqual({
      kind: "trace-id",
      traceId: W3C_EXAMPLE.traceId,
      raw: W3C_EXAMPLE.traceId.toUpperCase(),
    });
  });

  it("reads the trace id out of a whole traceparent, in either case", () => {
    expect(parseTraceQuery(W3C_EXAMPLE.header)).toMatchObject({
      kind: "traceparent",
      traceId: W3C_EXAMPLE.traceId,
    });
    expect(parseTraceQuery(W3C_EXAMPLE.header.toUpperCase())).toMatchObject({
      kind: "traceparent",
      traceId: W3C_EXAMPLE.traceId,
    });
  });

  it("pads a 16-hex B3 trace id", () => {
    expect(parseTraceQuery("a3ce929d0e0e4736")).toEqual({
      kind: "b3",
      traceId: B3_EXAMPLE.padded64,
      raw: "a3ce929d0e0e4736",
    });
  });

  it("reads the trace id out of a whole b3 header", () => {
    expect(parseTraceQuery(B3_EXAMPLE.single)).toMatchObject({ kind: "b3", traceId: B3_EXAMPLE.traceId });
    expect(parseTraceQuery(B3_EXAMPLE.single64)).toMatchObject({ kind: "b3", traceId: B3_EXAMPLE.padded64 });
  });

  it.each([
    ["a UUID correlation id", "3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b"],
    ["an order number", "order-1042"],
    ["an all-zero trace id", "0".repeat(32)],
    ["a traceparent with version ff", `ff-${W3C_EXAMPLE.traceId}-${W3C_EXAMPLE.parentId}-01`],
    ["an empty query", "   "],
  ])("treats %s as something else to look up", (_, input) => {
    expect(parseTraceQuery(input)).toEqual({ kind: "other", traceId: null, raw: input.trim() });
  });
});
