import { describe, expect, it } from "vitest";
import {
  formatCompact,
  formatCount,
  formatDrain,
  formatRate,
  formatSeconds,
  secondsAxisFormatter,
} from "@/components/lag/format";

describe("lag formatting", () => {
  it("writes int64 counts exactly, with separators, and unknown as a dash", () => {
    expect(formatCount("1234567")).toBe("1,234,567");
    expect(formatCount("9223372036854775807")).toBe("9,223,372,036,854,775,807");
    expect(formatCount(null)).toBe("—");
  });

  it("writes durations at the precision a person needs", () => {
    expect(formatSeconds(0)).toBe("0 s");
    expect(formatSeconds(4.24)).toBe("4.2 s");
    expect(formatSeconds(42.4)).toBe("42 s");
    expect(formatSeconds(185)).toBe("3 m 05 s");
    expect(formatSeconds(7_380)).toBe("2 h 03 m");
    expect(formatSeconds(273_600)).toBe("3 d 04 h");
    expect(formatSeconds(null)).toBe("—");
  });

  it("says caught up, never or an estimate for the time to drain", () => {
    expect(formatDrain(0)).toBe("caught up");
    expect(formatDrain("never")).toBe("never");
    expect(formatDrain(95)).toBe("~1 m 35 s");
    expect(formatDrain(null)).toBe("—");
  });

  it("writes rates and compact axis labels", () => {
    expect(formatRate(3.25)).toBe("3.3/s");
    expect(formatRate(1234.4)).toBe("1,234/s");
    expect(formatRate(null)).toBe("—");
    expect(formatCompact(1_500)).toBe("1.5K");
  });

  it("writes seconds on an axis in the unit that keeps labels short", () => {
    // Each value as the top of its own axis.
    expect([0, 37.5, 150, 1_200, 10_800].map((s) => secondsAxisFormatter(s)(s))).toEqual([
      "0 s",
      "37.5 s",
      "2.5 m",
      "20 m",
      "3 h",
    ]);
  });

  it("labels one time axis in one unit, chosen by its top tick", () => {
    // An axis up to 200 s: 50 s and 100 s read in minutes like the top, not "100 s" under "3.3 m".
    expect([0, 50, 100, 150, 200].map(secondsAxisFormatter(200))).toEqual([
      "0 m",
      "0.8 m",
      "1.7 m",
      "2.5 m",
      "3.3 m",
    ]);
    expect([0, 30, 60].map(secondsAxisFormatter(60))).toEqual(["0 s", "30 s", "60 s"]);
    expect(secondsAxisFormatter(10_800)(5_400)).toBe("1.5 h");
  });
});
