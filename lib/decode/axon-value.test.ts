import { describe, expect, it } from "vitest";

import { axonHeaderText } from "./axon-value";
import { bytes, utf8 } from "./test-builders";

function long(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, value, false);
  return out;
}

describe("axonHeaderText", () => {
  it("keeps a UTF-8 string id as text", () => {
    expect(axonHeaderText(utf8("5f1d7c3e-2b4a-4e8f-9c6d-1a2b3c4d5e6f"))).toBe(
      "5f1d7c3e-2b4a-4e8f-9c6d-1a2b3c4d5e6f",
    );
  });

  it("reads an 8-byte big-endian long, such as an Instant in epoch millis", () => {
    expect(axonHeaderText(long(1_700_000_000_000n))).toBe("1700000000000");
    expect(axonHeaderText(long(-5n))).toBe("-5");
  });

  it("reads a small long whose bytes happen to be valid UTF-8 control characters as a number", () => {
    expect(axonHeaderText(long(42n))).toBe("42");
  });

  it("reads 4-byte ints and 2-byte shorts", () => {
    expect(axonHeaderText(bytes(0x00, 0x01, 0xe2, 0x40))).toBe("123456");
    expect(axonHeaderText(bytes(0xff, 0xfe))).toBe("-2");
  });

  it("shows other binary values as hex and an empty value as absent", () => {
    expect(axonHeaderText(bytes(0xff, 0x00, 0xff))).toBe("ff00ff");
    expect(axonHeaderText(new Uint8Array())).toBeNull();
  });
});
