/** Reading a sketch as the API's numbers, and its bins as a few histogram bars. */
import type { LatencyBar, LatencyStats } from "@/lib/api/flow-latency";
import type { HistogramBin, LatencySketch } from "./sketch";

const round = (ms: number) => Math.round(ms * 10) / 10;

export function latencyStats(sketch: LatencySketch): LatencyStats | null {
  if (sketch.count === 0) return null;
  return {
    count: sketch.count,
    p50: round(sketch.quantile(0.5) ?? 0),
    p95: round(sketch.quantile(0.95) ?? 0),
    p99: round(sketch.quantile(0.99) ?? 0),
    min: round(sketch.min),
    max: round(sketch.max),
  };
}

/**
 * At most `maxBars` bars from a sketch's 1 % bins: neighbouring bins are joined so each bar spans the same
 * ratio of latencies (the x axis of a latency histogram is read on a log scale).
 */
export function histogramBars(bins: readonly HistogramBin[], maxBars: number): LatencyBar[] {
  if (bins.length <= maxBars)
    return bins.map((b) => ({ from: round(b.from), to: round(b.to), count: b.count }));
  const per = Math.ceil(bins.length / maxBars);
  const bars: LatencyBar[] = [];
  for (let i = 0; i < bins.length; i += per) {
    const group = bins.slice(i, i + per);
    bars.push({
      from: round(group[0]!.from),
      to: round(group[group.length - 1]!.to),
      count: group.reduce((n, b) => n + b.count, 0),
    });
  }
  return bars;
}
