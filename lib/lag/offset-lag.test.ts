import { describe, expect, it } from "vitest";

import { mergeLagTotals, offsetLag, parseOffset, sumLag } from "./offset-lag";

describe("offsetLag", () => {
  it("is the end offset minus the committed offset, read from kafkajs decimal strings", () => {
    expect(offsetLag("1500", "1200")).toBe(300n);
    expect(offsetLag(1500n, 1200n)).toBe(300n);
  });

  it("reports unknown lag for a partition without a committed offset", () => {
    expect(offsetLag("1500", "-1")).toBeNull();
    expect(offsetLag(1500n, -1n)).toBeNull();
    expect(offsetLag("1500", null)).toBeNull();
    expect(offsetLag("1500", undefined)).toBeNull();
  });

  it("reports unknown lag when the end offset is unknown", () => {
    expect(offsetLag(null, "10")).toBeNull();
  });

  it("reports zero, never a negative lag, when the committed offset is past the end offset read earlier", () => {
    expect(offsetLag("1200", "1205")).toBe(0n);
  });

  it("reports zero for a caught-up partition", () => {
    expect(offsetLag("42", "42")).toBe(0n);
  });

  it("stays exact for offsets above 2^53, where numbers would round neighbours together", () => {
    expect(offsetLag("9007199254740993", "9007199254740992")).toBe(1n);
  });
});

describe("parseOffset", () => {
  it("reads decimal strings and bigints, ignoring surrounding blanks", () => {
    expect(parseOffset("0")).toBe(0n);
    expect(parseOffset(" 17 ")).toBe(17n);
    expect(parseOffset(9223372036854775807n)).toBe(9223372036854775807n);
  });

  it("treats Kafka's negative sentinels, junk and values beyond int64 as no offset", () => {
    expect(parseOffset("-1")).toBeNull();
    expect(parseOffset("-2")).toBeNull();
    expect(parseOffset("")).toBeNull();
    expect(parseOffset("12.5")).toBeNull();
    expect(parseOffset("1e3")).toBeNull();
    expect(parseOffset("0x10")).toBeNull();
    expect(parseOffset("9223372036854775808")).toBeNull();
  });
});

describe("sumLag", () => {
  it("totals a topic over its known partitions and counts the unknown ones apart", () => {
    expect(sumLag([5n, null, 3n, 0n])).toEqual({ lag: 8n, knownPartitions: 3, unknownPartitions: 1 });
  });

  it("reports a topic where no partition is known as zero known, not as zero lag alone", () => {
    expect(sumLag([null, null])).toEqual({ lag: 0n, knownPartitions: 0, unknownPartitions: 2 });
  });
});

describe("mergeLagTotals", () => {
  it("adds topic totals into a group total, keeping the unknown count", () => {
    const orders = sumLag([offsetLag("100", "90"), offsetLag("50", "-1")]);
    const payments = sumLag([offsetLag("7", "2")]);
    expect(mergeLagTotals([orders, payments])).toEqual({
      lag: 15n,
      knownPartitions: 2,
      unknownPartitions: 1,
    });
  });
});
