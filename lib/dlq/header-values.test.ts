import { describe, expect, it } from "vitest";
import { readInstant, readInteger, readName, readText } from "./header-values";
import { bytes, utf8 } from "./test-builders";

const int32 = { form: "binary", width: 4 } as const;
const int64 = { form: "binary", width: 8 } as const;
const decimal = { form: "decimal" } as const;

describe("readInteger", () => {
  it("reads a 4-byte big-endian int: 00 00 00 03 is 3", () => {
    expect(readInteger("p", bytes("00 00 00 03"), int32)).toEqual({ value: 3n, warning: null });
  });

  it("reads an 8-byte big-endian long: 00 00 00 00 00 00 04 d2 is 1234", () => {
    expect(readInteger("o", bytes("00 00 00 00 00 00 04 d2"), int64)).toEqual({
      value: 1234n,
      warning: null,
    });
  });

  it("reads a long beyond 2^53 exactly", () => {
    expect(readInteger("o", bytes("7f ff ff ff ff ff ff ff"), int64).value).toBe(9223372036854775807n);
  });

  it("accepts decimal text where binary was expected, with a warning", () => {
    const r = readInteger("kafka_dlt-original-partition", utf8("3"), int32);
    expect(r.value).toBe(3n);
    expect(r.warning).toMatch(/kafka_dlt-original-partition is decimal text, expected a 4-byte/);
  });

  it("reads four ASCII digits as decimal text, not as the int 0x31323334", () => {
    expect(readInteger("p", utf8("1234"), int32).value).toBe(1234n);
  });

  it("accepts an 8-byte long where a 4-byte int was expected, with a warning", () => {
    const r = readInteger("p", bytes("00 00 00 00 00 00 00 07"), int32);
    expect(r.value).toBe(7n);
    expect(r.warning).toMatch(/8-byte big-endian binary/);
  });

  it("reads decimal text as the Connect and Streams families write it", () => {
    expect(readInteger("o", utf8("1234"), decimal)).toEqual({ value: 1234n, warning: null });
  });

  it("accepts binary where decimal text was expected, with a warning", () => {
    const r = readInteger("o", bytes("00 00 00 05"), decimal);
    expect(r.value).toBe(5n);
    expect(r.warning).toMatch(/4-byte big-endian binary, expected decimal text/);
  });

  it("does not read printable text such as 'null' as a binary int", () => {
    const r = readInteger("p", utf8("null"), decimal);
    expect(r.value).toBeNull();
    expect(r.warning).toMatch(/p is not decimal text \(6e756c6c\)/);
  });

  it("gives nothing, silently, for an absent value", () => {
    expect(readInteger("p", null, int32)).toEqual({ value: null, warning: null });
    expect(readInteger("p", new Uint8Array(), int32)).toEqual({ value: null, warning: null });
  });
});

describe("readInstant", () => {
  it("reads 1700000000000 from 00 00 01 8b cf e5 68 00", () => {
    expect(readInstant("t", bytes("00 00 01 8b cf e5 68 00"), int64)).toEqual({
      value: 1700000000000,
      warning: null,
    });
  });

  it("reads ISO 8601 and decimal ms", () => {
    expect(readInstant("t", utf8("2023-11-14T22:13:20Z"), decimal).value).toBe(1700000000000);
    expect(readInstant("t", utf8("1700000000000"), decimal).value).toBe(1700000000000);
  });

  it("treats -1 (Kafka's NO_TIMESTAMP) as absent", () => {
    expect(readInstant("t", bytes("ff ff ff ff ff ff ff ff"), int64)).toEqual({ value: null, warning: null });
  });

  it("rejects prose dates that only Date.parse would accept", () => {
    expect(readInstant("t", utf8("March 7 2024"), decimal).value).toBeNull();
  });
});

describe("readText and readName", () => {
  it("shows invalid UTF-8 as hex with a warning, never as mojibake", () => {
    expect(readText("m", bytes("ff fe 41"))).toEqual({
      value: "fffe41",
      warning: "m is not valid UTF-8; shown as hex",
    });
  });

  it("trims names and drops ones that are not text", () => {
    expect(readName("t", utf8(" orders\n")).value).toBe("orders");
    expect(readName("t", bytes("ff 00")).value).toBeNull();
    expect(readName("t", bytes("ff 00")).warning).toMatch(/not readable text/);
  });
});
