import { describe, expect, it } from "vitest";

import { decodePayload, decodeValue } from "./payload";
import { bytes, utf8 } from "./test-builders";

const CAP = 64 * 1024;

describe("decodePayload", () => {
  it("shows a missing or zero-length value as empty", () => {
    const empty = { kind: "empty", text: "", size: 0, truncated: false };
    expect(decodePayload(null, CAP)).toEqual(empty);
    expect(decodePayload(new Uint8Array(), CAP)).toEqual(empty);
  });

  it("parses a JSON object and keeps its text", () => {
    const text = '{"orderId":1042,"traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}';
    expect(decodePayload(utf8(text), CAP)).toEqual({
      kind: "json",
      json: { orderId: 1042, traceId: "4bf92f3577b34da6a3ce929d0e0e4736" },
      text,
      size: text.length,
      truncated: false,
    });
  });

  it("parses JSON arrays and scalars too", () => {
    expect(decodePayload(utf8(" [1, 2] "), CAP)).toMatchObject({ kind: "json", json: [1, 2] });
    expect(decodePayload(utf8('"quoted"'), CAP)).toMatchObject({ kind: "json", json: "quoted" });
  });

  it("shows UTF-8 that is not JSON as text", () => {
    expect(decodePayload(utf8("order 1042 créée"), CAP)).toEqual({
      kind: "text",
      text: "order 1042 créée",
      size: 18,
      truncated: false,
    });
    expect(decodePayload(utf8("{not json"), CAP).kind).toBe("text");
  });

  it("shows binary values, such as Avro with a schema-registry prefix, as hex", () => {
    expect(decodePayload(bytes(0x00, 0x00, 0x00, 0x00, 0x2a, 0xff), CAP)).toEqual({
      kind: "binary",
      text: "000000002aff",
      size: 6,
      truncated: false,
    });
  });

  it("keeps a value exactly at the cap whole", () => {
    expect(decodePayload(utf8("abcd"), 4)).toMatchObject({ text: "abcd", truncated: false });
  });

  it("truncates text beyond the cap on a character boundary and flags it", () => {
    // "é" is two bytes: a 4-byte cap would cut the second "é" in half, so only "aé" (3 bytes) is kept.
    expect(decodePayload(utf8("aééé"), 4)).toEqual({ kind: "text", text: "aé", size: 7, truncated: true });
  });

  it("keeps only truncated text of JSON beyond the cap", () => {
    const payload = decodePayload(utf8(JSON.stringify({ items: "x".repeat(100) })), 16);
    expect(payload).toEqual({ kind: "json", text: '{"items":"xxxxxx', size: 112, truncated: true });
    expect(payload).not.toHaveProperty("json");
  });

  it("caps the hex of a binary value at half the cap in bytes, so the text stays within the cap", () => {
    expect(decodePayload(bytes(0xff, 0xfe, 0xfd, 0xfc, 0xfb), 4)).toEqual({
      kind: "binary",
      text: "fffe",
      size: 5,
      truncated: true,
    });
  });

  it("truncates a huge value to the default cap", () => {
    const huge = utf8("x".repeat(1024 * 1024));
    const payload = decodePayload(huge, CAP);
    expect(payload).toMatchObject({ kind: "text", size: 1024 * 1024, truncated: true });
    expect(payload.text.length).toBe(CAP);
  });
});

describe("decodeValue", () => {
  it("still hands the parsed JSON to the identity rules when the display copy is truncated", () => {
    const value = decodeValue(utf8(JSON.stringify({ traceId: "abc", pad: "x".repeat(100) })), 8);
    expect(value.payload.truncated).toBe(true);
    expect(value.json?.value).toMatchObject({ traceId: "abc" });
  });
});
