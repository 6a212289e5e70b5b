import { describe, expect, it } from "vitest";
import { lookbackInBatch } from "@/server/collector/lookback";

const cutoff = 1_000_000;
const record = (offset: number, timestamp: number) => ({
  offset: String(offset),
  timestamp: String(timestamp),
});

describe("lookbackInBatch", () => {
  it("starts at the first record inside the window when older ones come before it", () => {
    expect(
      lookbackInBatch([record(4, cutoff - 5), record(5, cutoff + 1), record(6, cutoff + 2)], "0", cutoff),
    ).toBe("5");
  });

  it("starts after the end of the log when every record is older and none follows", () => {
    expect(lookbackInBatch([record(7, cutoff - 9), record(8, cutoff - 1)], "0", cutoff)).toBe("9");
  });

  it("cannot tell when every record is older but more follow the batch", () => {
    expect(lookbackInBatch([record(7, cutoff - 9)], "120", cutoff)).toBeUndefined();
  });

  it("starts at offset 0 when the log begins inside the window", () => {
    expect(lookbackInBatch([record(0, cutoff + 3)], "0", cutoff)).toBe("0");
  });

  it("cannot tell when a recent first record may follow other recent ones (a committed offset)", () => {
    expect(lookbackInBatch([record(40, cutoff + 3)], "0", cutoff)).toBeUndefined();
    expect(lookbackInBatch([], "0", cutoff)).toBeUndefined();
  });
});
