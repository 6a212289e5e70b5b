import { describe, expect, it } from "vitest";

import { firstJsonId, jsonIdText, readJsonPath } from "./json-path";

describe("readJsonPath", () => {
  const json = {
    traceId: "t",
    metadata: { $correlationId: "c" },
    hops: [{ id: "h0" }],
    "trace.id": "dotted",
  };

  it("reads top-level, nested and array paths", () => {
    expect(readJsonPath(json, "traceId")).toBe("t");
    expect(readJsonPath(json, "metadata.$correlationId")).toBe("c");
    expect(readJsonPath(json, "hops.0.id")).toBe("h0");
  });

  it("prefers a key that itself contains a dot", () => {
    expect(readJsonPath(json, "trace.id")).toBe("dotted");
  });

  it("never reaches into the prototype chain", () => {
    expect(readJsonPath({}, "constructor")).toBeUndefined();
    expect(readJsonPath({ a: {} }, "a.__proto__")).toBeUndefined();
  });

  it("returns undefined for missing paths and non-objects", () => {
    expect(readJsonPath(json, "metadata.missing.deeper")).toBeUndefined();
    expect(readJsonPath("text", "length")).toBeUndefined();
    expect(readJsonPath(undefined, "traceId")).toBeUndefined();
  });
});

describe("jsonIdText", () => {
  it("accepts non-empty strings and finite numbers as ids", () => {
    expect(jsonIdText("  abc ")).toBe("abc");
    expect(jsonIdText(1042)).toBe("1042");
  });

  it.each([[""], [null], [true], [{}], [Number.NaN]])("does not read %s as an id", (value) => {
    expect(jsonIdText(value)).toBeNull();
  });
});

it("firstJsonId tries paths in order and skips values that are not ids", () => {
  expect(firstJsonId({ traceId: null, trace_id: "t-2" }, ["traceId", "trace_id"])).toBe("t-2");
});
