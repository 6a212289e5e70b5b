/**
 * Chart series from partition histories. Every history shares epoch-aligned slots (see
 * partition-history.ts), so a topic's offset lag at a slot is the sum of its partitions' lags in that slot,
 * and its time lag the largest. Long series are folded into at most `maxPoints` buckets keeping each
 * bucket's maximum, so a spike between two chart points is never smoothed away.
 */
import { offsetLag } from "@/lib/lag";
import type { TopicHistoryPoint, TrendPoint } from "@/lib/api/lag";
import type { PartitionHistory } from "@/server/lag/partition-history";

interface SlotTotal {
  slot: number;
  t: number;
  lag: number | null;
  timeLagMs: number | null;
}

export function sumBySlot(histories: Iterable<PartitionHistory>, since: number): SlotTotal[] {
  const slots = new Map<number, SlotTotal>();
  for (const history of histories) {
    for (const point of history.points(since)) {
      const total = slots.get(point.slot) ?? { slot: point.slot, t: point.t, lag: null, timeLagMs: null };
      total.t = Math.max(total.t, point.t);
      const lag = offsetLag(point.end, point.committed);
      if (lag !== null) total.lag = (total.lag ?? 0) + Number(lag);
      if (point.timeLagMs !== null) total.timeLagMs = Math.max(total.timeLagMs ?? 0, point.timeLagMs);
      slots.set(point.slot, total);
    }
  }
  return [...slots.values()].sort((a, b) => a.slot - b.slot);
}

function maxOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/** Folds consecutive slots into at most `maxPoints` buckets (max of each value, time of the newest). */
export function foldSlots(totals: readonly SlotTotal[], maxPoints: number): SlotTotal[] {
  if (totals.length <= maxPoints) return [...totals];
  const perBucket = Math.ceil(totals.length / maxPoints);
  const folded: SlotTotal[] = [];
  for (let i = 0; i < totals.length; i += perBucket) {
    const bucket = totals.slice(i, i + perBucket);
    const last = bucket.at(-1);
    if (!last) continue;
    folded.push(
      bucket.reduce((acc, p) => ({
        slot: last.slot,
        t: last.t,
        lag: maxOf(acc.lag, p.lag),
        timeLagMs: maxOf(acc.timeLagMs, p.timeLagMs),
      })),
    );
  }
  return folded;
}

export function topicHistory(
  histories: Iterable<PartitionHistory>,
  since: number,
  maxPoints: number,
): TopicHistoryPoint[] {
  return foldSlots(sumBySlot(histories, since), maxPoints).map((p) => ({
    t: p.t,
    lag: p.lag,
    timeLagSeconds: p.timeLagMs === null ? null : p.timeLagMs / 1000,
  }));
}

export function lagTrend(
  histories: Iterable<PartitionHistory>,
  since: number,
  maxPoints: number,
): TrendPoint[] {
  return foldSlots(sumBySlot(histories, since), maxPoints).flatMap((p) =>
    p.lag === null ? [] : [{ t: p.t, lag: p.lag }],
  );
}
