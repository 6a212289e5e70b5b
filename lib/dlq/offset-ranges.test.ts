import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countRanges, decodeRanges, encodeRanges, idsToRanges, rangesToRefs } from "./offset-ranges";

describe("encodeRanges", () => {
  it("collapses consecutive offsets and keeps single ones", () => {
    expect(encodeRanges(["3", "1", "2", "7", "9", "10"])).toBe("1-3,7,9-10");
  });

  it("drops duplicates and writes an empty set as an empty string", () => {
    expect(encodeRanges(["5", "5", "05"])).toBe("5");
    expect(encodeRanges([])).toBe("");
  });

  it("keeps int64 offsets exact", () => {
    expect(encodeRanges(["9223372036854775806", "9223372036854775807"])).toBe(
      "9223372036854775806-9223372036854775807",
    );
  });
});

describe("decodeRanges", () => {
  it("lists every offset in order", () => {
    expect([...decodeRanges("1-3,7")]).toEqual(["1", "2", "3", "7"]);
    expect(countRanges("1-3,7,100-199")).toBe(104);
  });

  it.each(["1-x", "3-1", "a", "1,,2"])("rejects the malformed %j", (text) => {
    expect(() => [...decodeRanges(text)]).toThrow();
  });

  it("round-trips any set of offsets", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 5_000 }), { maxLength: 300 }), (offsets) => {
        const text = encodeRanges(offsets.map(String));
        expect([...decodeRanges(text)]).toEqual([...offsets].sort((a, b) => a - b).map(String));
        expect(countRanges(text)).toBe(offsets.length);
      }),
    );
  });
});

describe("idsToRanges", () => {
  it("groups letters by partition and reads them back", () => {
    const refs = [
      { partition: 1, offset: "4" },
      { partition: 0, offset: "2" },
      { partition: 1, offset: "5" },
    ];
    const ranges = idsToRanges(refs);
    expect(ranges).toEqual({ "0": "2", "1": "4-5" });
    expect([...rangesToRefs(ranges)]).toEqual([
      { partition: 0, offset: "2" },
      { partition: 1, offset: "4" },
      { partition: 1, offset: "5" },
    ]);
  });
});
