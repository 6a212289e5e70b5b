import { describe, expect, it } from "vitest";
import { toPlainJson } from "./plain-json";

describe("decoded values as plain JSON", () => {
  it("turns bytes into base64, bigints into decimal strings and Maps into objects", () => {
    const value = { raw: new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x01]), big: 9_007_199_254_740_993n };
    expect(toPlainJson(value)).toEqual({ raw: "3q2+7wE=", big: "9007199254740993" });
    expect(toPlainJson(new Map([["a", 1]]))).toEqual({ a: 1 });
  });

  it("keeps a record class's own fields and drops NaN that JSON cannot hold", () => {
    class UserRegistered {
      constructor(
        readonly userId: string,
        readonly score: number,
      ) {}
    }
    expect(toPlainJson([new UserRegistered("u-1", Number.NaN)])).toEqual([{ userId: "u-1", score: "NaN" }]);
  });

  it("refuses values nested deeper than it can walk safely", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => toPlainJson(deep)).toThrow(/deeper than 64/);
  });
});
