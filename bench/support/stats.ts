/** Small statistics helpers: percentiles of latency samples and the median/spread of repeated runs. */

/** The p-th percentile of an ascending array (nearest rank); NaN when there are no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? NaN;
}

export const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** (max − min) ÷ median, in percent: how much the repetitions disagree. */
  spreadPct: number;
  runs: number[];
}

export function summarize(runs: readonly number[]): Summary {
  const sorted = ascending(runs);
  const median = percentile(sorted, 50);
  const min = sorted[0] ?? NaN;
  const max = sorted[sorted.length - 1] ?? NaN;
  return {
    median: round(median),
    min: round(min),
    max: round(max),
    spreadPct: round(median === 0 ? 0 : ((max - min) / Math.abs(median)) * 100, 1),
    runs: runs.map((r) => round(r)),
  };
}

/** Rounds to `digits` significant-enough decimals for a report: 4 below 1, 2 below 100, else whole. */
export function round(n: number, digits?: number): number {
  if (!Number.isFinite(n)) return n;
  const d = digits ?? (Math.abs(n) < 1 ? 4 : Math.abs(n) < 100 ? 2 : 0);
  return Number(n.toFixed(d));
}

/** Runs `fn` n times and returns each call's duration in ms, ascending. */
export function timeEach(n: number, fn: (i: number) => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    fn(i);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return ascending(samples);
}

/** `timeEach` for work that answers through a promise: each call is awaited before the next starts. */
export async function timeEachAsync(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return ascending(samples);
}

export function heapUsedAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc (npm run bench does)");
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
