import type { EndOffsetPoint, EndOffsetTable, TimeLag } from "./types";

interface WriteTime {
  at: number;
  extrapolated: boolean;
}

/**
 * Time lag of a consumer, as kafka-lag-exporter estimates it: when was the record at the committed offset
 * (the next one the group has to read) written, and how long ago was that. The write time is read off the
 * end-offset table: the log reached offset `o` by time `t`, so between two points offsets grew at a known
 * pace and the committed offset can be placed on that line.
 *
 * - Unknown (null) without a committed offset.
 * - 0 when the committed offset has reached the newest end offset, even with a single point: the group
 *   has read everything the log held at the last observation. kafka-lag-exporter also checks this before
 *   asking for two points; a caught-up group should not show "unknown" for its first poll.
 * - Unknown with fewer than two points otherwise: one point gives no pace to estimate with.
 * - Never negative: a `now` older than the estimate (clock skew, a stale `now`) gives 0.
 */
export function timeLag(table: EndOffsetTable, committedOffset: bigint | null, now: number): TimeLag | null {
  if (committedOffset === null) return null;
  const newest = table.points.at(-1);
  if (newest === undefined) return null;
  if (committedOffset >= newest.offset) return { ms: 0, extrapolated: false };
  const written = estimateWriteTime(table.points, committedOffset);
  if (written === null) return null;
  return { ms: Math.max(0, now - written.at), extrapolated: written.extrapolated };
}

/**
 * Neighbours: `r` is the first point past the offset and `l` the point just before it, so `l.o ≤ c < r.o`.
 * Choosing the *latest* point at or below `c` matters for flat runs: a group committed exactly at an
 * offset where the producer paused had read everything the log held until the pause ended, so its next
 * record was written after the run's latest point, not its first (kafka-lag-exporter gets the same answer
 * by scanning from the newest pair). Below the table, extrapolate with the pace of the oldest two points.
 * (Above the table is never needed: at or past the newest end offset the lag is 0.)
 */
function estimateWriteTime(points: readonly EndOffsetPoint[], committed: bigint): WriteTime | null {
  const rightIndex = points.findIndex((point) => point.offset > committed);
  const right = points[rightIndex];
  if (right === undefined) return null;
  const left = points[rightIndex - 1];
  if (left !== undefined) return { at: interpolate(left, right, committed), extrapolated: false };

  const oldest = right;
  const secondOldest = points[1];
  if (secondOldest === undefined) return null;
  // Equal offsets give no pace (r.o == l.o would divide by zero). The log already held the committed
  // offset when it was first seen, so the oldest time is the latest the record can have been written:
  // the lag reported is a lower bound, never an invented one.
  if (secondOldest.offset === oldest.offset) return { at: oldest.observedAt, extrapolated: true };
  return { at: Math.min(oldest.observedAt, lineAt(oldest, secondOldest, committed)), extrapolated: true };
}

/** Inside a segment; clamped so float rounding can never step outside it (keeps the lag monotone). */
function interpolate(left: EndOffsetPoint, right: EndOffsetPoint, committed: bigint): number {
  if (committed === left.offset) return left.observedAt;
  const at = lineAt(left, right, committed);
  return Math.min(right.observedAt, Math.max(left.observedAt, at));
}

/** `t = r.t − (r.o − c)·(r.t − l.t)/(r.o − l.o)`; callers guarantee `r.o > l.o`. */
function lineAt(left: EndOffsetPoint, right: EndOffsetPoint, committed: bigint): number {
  // Offset differences as numbers: counts of records between observations, far below 2^53. The ratio is
  // taken first so the product can never exceed the segment's duration through rounding.
  const fractionBack = Number(right.offset - committed) / Number(right.offset - left.offset);
  return right.observedAt - fractionBack * (right.observedAt - left.observedAt);
}
