import { describe, expect, it } from "vitest";
import type { FlowStats } from "@/lib/api/flows";
import { appendSample, emptySeries, toChartSeries } from "@/components/flows/throughput-series";

const T0 = 1_700_000_000_000;
function makeStats(second: number, topicRates: Record<string, number> = {}): FlowStats {
  const totalRate = Object.values(topicRates).reduce((a, b) => a + b, 0);
  return { at: T0 + second * 1000, topicRates, edgeRates: {}, totalRate };
}
const seconds = (samples: { at: number }[]) => samples.map((s) => (s.at - T0) / 1000);

describe("appendSample", () => {
  it("keeps samples oldest first", () => {
    const series = [0, 1, 2].reduce((s, n) => appendSample(s, makeStats(n)), emptySeries());
    expect(seconds(series.samples)).toEqual([0, 1, 2]);
  });

  it("forgets samples that fell out of the window", () => {
    const series = [0, 1, 2, 3, 4].reduce((s, n) => appendSample(s, makeStats(n), 3_000), emptySeries());
    expect(seconds(series.samples)).toEqual([2, 3, 4]);
  });

  it("ignores a repeated or older push (e.g. after a reconnect)", () => {
    const series = appendSample(appendSample(undefined, makeStats(5)), makeStats(6));
    expect(appendSample(series, makeStats(6))).toBe(series);
    expect(appendSample(series, makeStats(3))).toBe(series);
  });

  it("starts from nothing when the cache holds no series yet", () => {
    expect(seconds(appendSample(undefined, makeStats(1)).samples)).toEqual([1]);
  });
});

describe("toChartSeries", () => {
  it("charts the busiest topics over the window and sums the rest as other", () => {
    let series = emptySeries();
    series = appendSample(series, makeStats(0, { a: 5, b: 1, c: 2 }));
    series = appendSample(series, makeStats(1, { a: 5, b: 4, c: 2 }));
    const chart = toChartSeries(series, 2);
    expect(chart.keys).toEqual([
      { key: "s0", topic: "a" },
      { key: "s1", topic: "b" },
    ]);
    expect(chart.hasOther).toBe(true);
    expect(chart.rows).toEqual([
      { at: T0, s0: 5, s1: 1, other: 2 },
      { at: T0 + 1000, s0: 5, s1: 4, other: 2 },
    ]);
  });

  it("counts a topic missing from a sample as zero", () => {
    let series = appendSample(undefined, makeStats(0, { a: 1, "orders.events": 3 }));
    series = appendSample(series, makeStats(1, { a: 1 }));
    const chart = toChartSeries(series);
    expect(chart.keys.map((k) => k.topic)).toEqual(["orders.events", "a"]);
    expect(chart.rows[1]).toEqual({ at: T0 + 1000, s0: 0, s1: 1 });
    expect(chart.hasOther).toBe(false);
  });

  it("leaves out topics without any traffic in the window", () => {
    const chart = toChartSeries(appendSample(undefined, makeStats(0, { idle: 0, busy: 2 })));
    expect(chart.keys.map((k) => k.topic)).toEqual(["busy"]);
  });
});
