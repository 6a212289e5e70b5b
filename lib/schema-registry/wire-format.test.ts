import { describe, expect, it } from "vitest";
import { readMessageIndexes, readWireFrame } from "./wire-format";

const bytes = (...b: number[]) => new Uint8Array(b);

describe("Confluent wire format header", () => {
  it("reads magic byte 0 and the 4-byte big-endian schema id, leaving the body", () => {
    const frame = readWireFrame(bytes(0, 0, 0, 1, 2, 0xaa, 0xbb));
    expect(frame?.schemaId).toBe(258);
    expect([...(frame?.body ?? [])]).toEqual([0xaa, 0xbb]);
  });

  it("reads ids above 2^31 as unsigned", () => {
    expect(readWireFrame(bytes(0, 0xff, 0xff, 0xff, 0xff))?.schemaId).toBe(4_294_967_295);
  });

  it("is not wire format without the magic byte, or shorter than the header", () => {
    expect(readWireFrame(new TextEncoder().encode('{"a":1}'))).toBeNull();
    expect(readWireFrame(bytes(0, 0, 0, 1))).toBeNull();
    expect(readWireFrame(null)).toBeNull();
  });

  it("reads a header that sits inside a larger buffer at an offset", () => {
    const whole = bytes(9, 9, 0, 0, 0, 0, 7, 1);
    expect(readWireFrame(whole.subarray(2))?.schemaId).toBe(7);
  });
});

describe("Protobuf message indexes", () => {
  it("reads the single byte 0 as the file's first message", () => {
    const { indexes, message } = readMessageIndexes(bytes(0, 0x0a, 0x01, 0x61));
    expect(indexes).toEqual([0]);
    expect([...message]).toEqual([0x0a, 0x01, 0x61]);
  });

  it("reads a path of zig-zag varints: [1, 0] is the first message nested in the second", () => {
    // count 2 → zig-zag 4, index 1 → 2, index 0 → 0
    expect(readMessageIndexes(bytes(4, 2, 0, 0x08, 0x01)).indexes).toEqual([1, 0]);
  });

  it("throws on indexes that end early or are negative", () => {
    expect(() => readMessageIndexes(bytes(4, 2))).toThrow(/end early/);
    expect(() => readMessageIndexes(bytes(2, 1))).toThrow(/negative/);
  });
});
