import { describe, expect, it } from "vitest";

import { decodeHeaders, findHeaderValue, findHeaderValues } from "./headers";
import { bytes, headerLookup, rawHeaders } from "./test-builders";

describe("decodeHeaders", () => {
  it("keeps every occurrence of a repeated key, in record order", () => {
    const decoded = decodeHeaders(
      rawHeaders([
        ["x-attempt", "1"],
        ["other", "x"],
        ["x-attempt", "2"],
      ]),
    );
    expect(decoded.map((header) => `${header.key}=${header.value?.text}`)).toEqual([
      "x-attempt=1",
      "other=x",
      "x-attempt=2",
    ]);
  });

  it("keeps the key as written and decodes null and binary values", () => {
    expect(decodeHeaders(rawHeaders({ "X-Trace": null, bin: bytes(0xff) }))).toEqual([
      { key: "X-Trace", value: null },
      { key: "bin", value: { text: "ff", encoding: "hex" } },
    ]);
  });
});

describe("HeaderLookup", () => {
  it("matches header names case-insensitively", () => {
    const headers = headerLookup({ "X-Correlation-ID": "abc" });
    expect(headers.first(["x-correlation-id"])?.text).toBe("abc");
    expect(headers.all("X-CORRELATION-ID")).toEqual([{ text: "abc", encoding: "utf8" }]);
  });

  it("tries names in the given priority order, not in record order", () => {
    const headers = headerLookup([
      ["x-correlation-id", "second"],
      ["correlation-id", "first"],
    ]);
    expect(headers.first(["correlation-id", "x-correlation-id"])?.text).toBe("first");
  });

  it("returns the first occurrence of a repeated key", () => {
    expect(headerLookup({ traceparent: ["a", "b"] }).first(["traceparent"])?.text).toBe("a");
  });

  it("returns all values of a name, including null ones", () => {
    expect(
      headerLookup([
        ["k", "1"],
        ["K", null],
        ["k", "3"],
      ]).all("k"),
    ).toEqual([{ text: "1", encoding: "utf8" }, null, { text: "3", encoding: "utf8" }]);
  });

  it("skips null values when looking for the first one", () => {
    expect(
      headerLookup([
        ["k", null],
        ["k", "value"],
      ]).first(["k"])?.text,
    ).toBe("value");
  });

  it("does not let an empty or blank value hide a later name for text lookups", () => {
    const headers = headerLookup({ "correlation-id": "  ", "x-correlation-id": "c-1" });
    expect(headers.firstText(["correlation-id", "x-correlation-id"])).toBe("c-1");
  });

  it("skips binary values for protocol headers that must be text", () => {
    const headers = headerLookup([
      ["traceparent", bytes(0xff)],
      ["traceparent", "ok"],
    ]);
    expect(headers.firstText(["traceparent"])).toBe("ff");
    expect(headers.firstText(["traceparent"], { utf8Only: true })).toBe("ok");
  });

  it("gives raw bytes for binary conventions", () => {
    const headers = headerLookup({ "kafka_dlt-original-partition": bytes(0, 0, 0, 3) });
    expect(headers.firstBytes(["KAFKA_DLT-ORIGINAL-PARTITION"])).toEqual(bytes(0, 0, 0, 3));
    expect(headers.allBytes("kafka_dlt-original-partition")).toEqual([bytes(0, 0, 0, 3)]);
    expect(headers.firstBytes(["missing"])).toBeNull();
  });

  it("passes the configured name to custom readers", () => {
    const headers = headerLookup({ "Axon-Message-Id": "m-1" });
    expect(headers.firstMatch(["axon-message-id"], (_bytes, name) => name)).toBe("axon-message-id");
  });
});

describe("lookups on decoded headers", () => {
  const decoded = decodeHeaders(
    rawHeaders([
      ["Source", "billing"],
      ["source", "shipping"],
    ]),
  );

  it("finds the first value by any of several names", () => {
    expect(findHeaderValue(decoded, ["service", "source"])?.text).toBe("billing");
    expect(findHeaderValue(decoded, ["service"])).toBeNull();
  });

  it("finds all values of a name", () => {
    expect(findHeaderValues(decoded, "SOURCE").map((value) => value?.text)).toEqual(["billing", "shipping"]);
  });
});
