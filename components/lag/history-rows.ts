/**
 * Chart rows from a group's per-topic history: one row per point in time, one column per topic. Columns
 * are keyed `s0`, `s1`… rather than by topic name, because recharts reads a dataKey with dots as a path
 * ("orders.v1" would look up orders → v1).
 */
import type { ChartTopic } from "@/components/lag/top-topics";

export interface HistoryChart {
  /** `folded`: the series stands for several topics (drawn muted, so it never passes for one topic). */
  series: Array<{ key: string; topic: string; folded: boolean }>;
  rows: Array<Record<string, number | null>>;
}

export function historyRows(topics: readonly ChartTopic[], value: "lag" | "timeLagSeconds"): HistoryChart {
  const series = topics.map((t, i) => ({ key: `s${i}`, topic: t.topic, folded: t.folded === true }));
  const byTime = new Map<number, Record<string, number | null>>();
  topics.forEach((topic, i) => {
    for (const point of topic.history) {
      const row = byTime.get(point.t) ?? { t: point.t };
      row[`s${i}`] = point[value];
      byTime.set(point.t, row);
    }
  });
  const rows = [...byTime.values()].sort((a, b) => (a.t ?? 0) - (b.t ?? 0));
  return { series, rows };
}

/** The newest value summed over topics (unknown topics left out), e.g. to label a chart. */
export function latestTotal(chart: HistoryChart): number | null {
  const last = chart.rows.at(-1);
  if (!last) return null;
  const values = chart.series.map((s) => last[s.key]).filter((v): v is number => typeof v === "number");
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
}

/**
 * A y axis for values up to `max`: 0 to a round top, in quarters. The top is the next step of
 * 1, 1.2, 1.6, 2, 2.4, 3, 4, 6, 8 × 10^k at or above the maximum, so every quarter is a round number too.
 */
export function axisTicks(max: number): number[] {
  const top = niceCeil(max);
  return [0, top / 4, top / 2, (top * 3) / 4, top];
}

export function niceCeil(max: number): number {
  if (!(max > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 1.2, 1.6, 2, 2.4, 3, 4, 6, 8, 10].find((m) => m * magnitude >= max) ?? 10;
  return Math.round(step * magnitude * 1e6) / 1e6;
}

/** The largest value in a chart's rows. */
export function maxValue(chart: HistoryChart): number {
  let max = 0;
  for (const row of chart.rows)
    for (const { key } of chart.series) {
      const v = row[key];
      if (typeof v === "number" && v > max) max = v;
    }
  return max;
}
