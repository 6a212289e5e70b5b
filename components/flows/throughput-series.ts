/**
 * The throughput chart's data: a rolling window of `flows:stats` samples (kept in the query cache under
 * `queryKeys.flowSeries`) and the pure step that turns it into chart rows for the top N topics + "other".
 * No React here, so both steps are plain unit-tested functions.
 */
import type { FlowStats } from "@/lib/api/flows";

export const SERIES_WINDOW_MS = 5 * 60_000;
/** Safety net if the server ever pushed faster than ~1 Hz: never hold more than this many samples. */
export const SERIES_MAX_SAMPLES = 600;

export interface ThroughputSample {
  at: number;
  topicRates: Record<string, number>;
  totalRate: number;
}

export interface ThroughputSeries {
  /** Oldest first, strictly increasing `at`, none older than the window before the newest. */
  samples: ThroughputSample[];
}

export const emptySeries = (): ThroughputSeries => ({ samples: [] });

/** Appends one push and forgets what fell out of the window. A repeated or older push is ignored. */
export function appendSample(
  series: ThroughputSeries | undefined,
  stats: FlowStats,
  windowMs = SERIES_WINDOW_MS,
): ThroughputSeries {
  const samples = series?.samples ?? [];
  const last = samples[samples.length - 1];
  if (last && stats.at <= last.at) return series ?? emptySeries();
  const sample = { at: stats.at, topicRates: stats.topicRates, totalRate: stats.totalRate };
  const kept = samples.filter((s) => s.at > stats.at - windowMs);
  kept.push(sample);
  return { samples: kept.slice(-SERIES_MAX_SAMPLES) };
}

/** A chart row: `at` plus one value per series key (`s0`…, `other`). */
export type ChartRow = { at: number } & Record<string, number>;

export interface ChartSeries {
  /** Series key → topic; recharts reads dotted dataKeys as paths, so topic names cannot be keys. */
  keys: { key: string; topic: string }[];
  /** True when topics beyond the top N had traffic and are summed under `other`. */
  hasOther: boolean;
  rows: ChartRow[];
}

/**
 * Picks the N busiest topics over the whole window (so the legend does not reshuffle every second) and
 * sums the rest as "other". Topics missing from a sample had no traffic then: they count as 0.
 */
export function toChartSeries(series: ThroughputSeries, topN = 5): ChartSeries {
  const totals = new Map<string, number>();
  for (const sample of series.samples)
    for (const [topic, rate] of Object.entries(sample.topicRates))
      totals.set(topic, (totals.get(topic) ?? 0) + rate);
  const ranked = [...totals.entries()]
    .filter(([, total]) => total > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = ranked.slice(0, topN).map(([topic], i) => ({ key: `s${i}`, topic }));
  const hasOther = ranked.length > topN;
  const rows = series.samples.map((sample) => {
    const row: ChartRow = { at: sample.at };
    let other = 0;
    for (const [topic, rate] of Object.entries(sample.topicRates))
      if (!top.some((t) => t.topic === topic)) other += rate;
    for (const { key, topic } of top) row[key] = sample.topicRates[topic] ?? 0;
    if (hasOther) row.other = other;
    return row;
  });
  return { keys: top, hasOther, rows };
}
