import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { W3C_EXAMPLE } from "./test-builders";
import { formatTraceparent, parseTraceparent, parseW3CTraceContext } from "./traceparent";

const { traceId, parentId } = W3C_EXAMPLE;

describe("parseTraceparent", () => {
  it("reads the spec example", () => {
    expect(parseTraceparent(W3C_EXAMPLE.header)).toEqual({
      version: "00",
      traceId,
      parentId,
      flags: 1,
      sampled: true,
    });
  });

  it("reads flag bit 0 as sampled and ignores the other bits", () => {
    expect(parseTraceparent(`00-${traceId}-${parentId}-00`)?.sampled).toBe(false);
    expect(parseTraceparent(`00-${traceId}-${parentId}-09`)).toMatchObject({ flags: 9, sampled: true });
    expect(parseTraceparent(`00-${traceId}-${parentId}-08`)?.sampled).toBe(false);
  });

  it("rejects version ff", () => {
    expect(parseTraceparent(`ff-${traceId}-${parentId}-01`)).toBeNull();
  });

  it("rejects an all-zero trace id or parent id", () => {
    expect(parseTraceparent(`00-${"0".repeat(32)}-${parentId}-01`)).toBeNull();
    expect(parseTraceparent(`00-${traceId}-${"0".repeat(16)}-01`)).toBeNull();
  });

  it("rejects uppercase hex anywhere", () => {
    expect(parseTraceparent(W3C_EXAMPLE.header.toUpperCase())).toBeNull();
    expect(parseTraceparent(`00-${traceId.toUpperCase()}-${parentId}-01`)).toBeNull();
    expect(parseTraceparent(`00-${traceId}-${parentId}-0A`)).toBeNull();
    expect(parseTraceparent(`0A-${traceId}-${parentId}-01`)).toBeNull();
  });

  it("rejects fields of the wrong length or with the wrong separators", () => {
    expect(parseTraceparent(`00-${traceId.slice(1)}-${parentId}-01`)).toBeNull();
    expect(parseTraceparent(`00-${traceId}-${parentId}0-1`)).toBeNull();
    expect(parseTraceparent(`00_${traceId}_${parentId}_01`)).toBeNull();
    expect(parseTraceparent(`00-${traceId}-${parentId}-0g`)).toBeNull();
    expect(parseTraceparent("")).toBeNull();
  });

  it("requires version 00 to be exactly 55 characters", () => {
    expect(parseTraceparent(`${W3C_EXAMPLE.header}-extra`)).toBeNull();
    expect(parseTraceparent(`${W3C_EXAMPLE.header} `)).toBeNull();
  });

  it("reads the first four fields of a future version that carries more", () => {
    const future = `cc-${traceId}-${parentId}-01-what-the-future-will-be-like`;
    expect(parseTraceparent(future)).toEqual({ version: "cc", traceId, parentId, flags: 1, sampled: true });
    expect(parseTraceparent(`01-${traceId}-${parentId}-01`)?.version).toBe("01");
  });

  it("rejects a future version whose extra part does not start with a dash", () => {
    expect(parseTraceparent(`cc-${traceId}-${parentId}-01x`)).toBeNull();
  });

  it("never throws on any input", () => {
    fc.assert(fc.property(fc.string(), (value) => void parseTraceparent(value)));
    fc.assert(
      fc.property(
        fc.string({ minLength: 55, maxLength: 70, unit: fc.constantFrom(..."0123456789abcdef-") }),
        (v) => void parseTraceparent(v),
      ),
    );
  });

  it("round-trips every valid version-00 header", () => {
    const hex = (length: number) =>
      fc
        .string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: length, maxLength: length })
        .filter((id) => /[^0]/.test(id));
    fc.assert(
      fc.property(hex(32), hex(16), fc.integer({ min: 0, max: 255 }), (trace, parent, flags) => {
        const header = formatTraceparent({ traceId: trace, parentId: parent, flags });
        const parsed = parseTraceparent(header);
        expect(parsed).toEqual({
          version: "00",
          traceId: trace,
          parentId: parent,
          flags,
          sampled: flags % 2 === 1,
        });
        expect(formatTraceparent(parsed!)).toBe(header);
      }),
    );
  });
});

describe("parseW3CTraceContext", () => {
  it("keeps tracestate with a valid traceparent", () => {
    expect(parseW3CTraceContext(W3C_EXAMPLE.header, "congo=t61rcWkgMzE")?.tracestate).toBe(
      "congo=t61rcWkgMzE",
    );
  });

  it("ignores tracestate when traceparent is invalid or missing", () => {
    expect(parseW3CTraceContext(`ff-${traceId}-${parentId}-01`, "congo=t61rcWkgMzE")).toBeNull();
    expect(parseW3CTraceContext(null, "congo=t61rcWkgMzE")).toBeNull();
  });
});
