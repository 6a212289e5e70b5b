import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, jsonDepthWithin } from "./json-depth";

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("jsonDepthWithin", () => {
  it("accepts ordinary documents and refuses ones nested past the limit", () => {
    expect(jsonDepthWithin('{"order":{"items":[{"sku":"a"}]}}')).toBe(true);
    expect(jsonDepthWithin(nested(MAX_JSON_DEPTH))).toBe(true);
    expect(jsonDepthWithin(nested(MAX_JSON_DEPTH + 1))).toBe(false);
    expect(jsonDepthWithin(`${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`)).toBe(false);
  });

  it("does not count brackets inside strings, escaped quotes included", () => {
    expect(jsonDepthWithin(JSON.stringify({ text: "[".repeat(1_000) }))).toBe(true);
    expect(jsonDepthWithin(JSON.stringify({ text: `\\"${"{".repeat(1_000)}` }))).toBe(true);
  });

  it("agrees with the real nesting depth of any JSON value", () => {
    const depthOf = (v: unknown): number =>
      v !== null && typeof v === "object" ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (value, max) => {
        expect(jsonDepthWithin(JSON.stringify(value), max)).toBe(depthOf(value) <= max);
      }),
    );
  });
});
