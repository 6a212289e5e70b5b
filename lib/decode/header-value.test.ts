import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { decodeHeaderValue } from "./header-value";
import { bytes, utf8 } from "./test-builders";

describe("decodeHeaderValue", () => {
  it("shows valid UTF-8 as text", () => {
    expect(decodeHeaderValue(utf8("order-service"))).toEqual({ text: "order-service", encoding: "utf8" });
    expect(decodeHeaderValue(utf8("Zürich 🚀"))).toEqual({ text: "Zürich 🚀", encoding: "utf8" });
  });

  it("shows bytes that are not UTF-8 as lowercase hex instead of mojibake", () => {
    expect(decodeHeaderValue(bytes(0xff, 0xfe, 0x00, 0x0a))).toEqual({ text: "fffe000a", encoding: "hex" });
  });

  it("treats overlong encodings and encoded surrogates as binary", () => {
    expect(decodeHeaderValue(bytes(0xc0, 0xaf))?.encoding).toBe("hex");
    expect(decodeHeaderValue(bytes(0xed, 0xa0, 0x80))?.encoding).toBe("hex");
  });

  it("shows a raw big-endian number that is not UTF-8 as hex (partition 131 as a Spring Kafka int)", () => {
    expect(decodeHeaderValue(bytes(0x00, 0x00, 0x00, 0x83))).toEqual({ text: "00000083", encoding: "hex" });
  });

  it("keeps an empty value as empty text and a missing value as null", () => {
    expect(decodeHeaderValue(new Uint8Array())).toEqual({ text: "", encoding: "utf8" });
    expect(decodeHeaderValue(null)).toBeNull();
  });

  it("gives back any valid UTF-8 string unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(decodeHeaderValue(utf8(text))).toEqual({ text, encoding: "utf8" });
      }),
    );
  });

  it("never throws and shows every byte of a binary value as two hex digits", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (value) => {
        const decoded = decodeHeaderValue(value);
        if (decoded?.encoding === "hex")
          expect(decoded.text).toMatch(new RegExp(`^[0-9a-f]{${value.length * 2}}$`));
      }),
    );
  });
});
