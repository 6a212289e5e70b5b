import { consecutivePairs } from "./pairs";
import type { CommitWindow, DrainEstimate, DrainTime, EndOffsetTable } from "./types";

/**
 * Rates are measured over the last minute of history: long enough to smooth over commit batching and a
 * few polls, short enough that a consumer resuming after a pause shows its new pace within a minute.
 */
export const DEFAULT_RATE_WINDOW_MS = 60_000;

interface OffsetAt {
  offset: bigint;
  observedAt: number;
}

/** Records per second written to the partition, from its end-offset table; null without two points. */
export function produceRate(table: EndOffsetTable, windowMs: number = DEFAULT_RATE_WINDOW_MS): number | null {
  return advancePerSecond(table.points, windowMs);
}

/**
 * Records per second the group committed past, from its commit window. The newest commit still held at
 * the last observation, so that observation extends the series: a consumer that stopped moving sees its
 * rate fall to 0 within the rate window instead of keeping the pace of its last moves forever.
 */
export function consumeRate(window: CommitWindow, windowMs: number = DEFAULT_RATE_WINDOW_MS): number | null {
  const series: OffsetAt[] = window.commits.map((commit) => ({
    offset: commit.committedOffset,
    observedAt: commit.observedAt,
  }));
  const newest = window.commits.at(-1);
  if (newest !== undefined && window.lastObservedAt !== null && window.lastObservedAt > newest.observedAt) {
    series.push({ offset: newest.committedOffset, observedAt: window.lastObservedAt });
  }
  return advancePerSecond(series, windowMs);
}

/** Reading at least this share of the produce rate counts as keeping pace (rates are one-minute averages). */
export const KEEPING_PACE_RATIO = 0.9;

/**
 * A consumer that keeps pace still shows some lag at every poll: the records written since its last
 * commit. Lag within what the producer writes in `inFlightMs` (one lag poll interval), while the group reads
 * at least nearly as fast as the topic is written, is that in-flight traffic, not a backlog. Dividing it by
 * the tiny difference of two nearly equal rates would promise "about a minute" for a group that is in fact
 * caught up. A group with lag on an idle topic is never caught up: nothing is in flight there.
 */
export function isCaughtUp(
  lag: bigint,
  consume: number | null,
  produce: number | null,
  inFlightMs: number,
): boolean {
  if (lag === 0n) return true;
  if (consume === null || produce === null || !(produce > 0)) return false;
  const inFlight = (produce * inFlightMs) / 1000;
  return Number(lag) <= inFlight && consume >= produce * KEEPING_PACE_RATIO;
}

/**
 * Seconds until the lag is gone at the current pace: lag ÷ (consume − produce). 0 when there is no lag or
 * only in-flight lag (see `isCaughtUp`), whatever the rates; "never" when the group is not gaining on the
 * producer (consume ≤ produce) and has lag; null when the lag or a rate is unknown.
 */
export function timeToDrain(
  lag: bigint | null,
  consume: number | null,
  produce: number | null,
  inFlightMs = 0,
): DrainTime {
  if (lag === null) return null;
  if (lag === 0n) return 0;
  if (consume === null || produce === null) return null;
  if (isCaughtUp(lag, consume, produce, inFlightMs)) return 0;
  const gainPerSecond = consume - produce;
  return gainPerSecond > 0 ? Number(lag) / gainPerSecond : "never";
}

/** Both rates of one partition and its time to drain, measured over the same window. */
export function estimateDrain(
  lag: bigint | null,
  endOffsets: EndOffsetTable,
  commits: CommitWindow,
  options: { windowMs?: number; inFlightMs?: number } = {},
): DrainEstimate {
  const windowMs = options.windowMs ?? DEFAULT_RATE_WINDOW_MS;
  const consume = consumeRate(commits, windowMs);
  const produce = produceRate(endOffsets, windowMs);
  return {
    consumeRate: consume,
    produceRate: produce,
    timeToDrain: timeToDrain(lag, consume, produce, options.inFlightMs),
  };
}

/**
 * Forward movement per second over the last `windowMs` of a time-ordered series, ending at its newest
 * point (rates describe the history as observed; how fresh it is, is the poller's concern). Only forward
 * steps count: after a rewind the consumer really does read the same records again, so the records it
 * reads per second is the sum of its forward steps, not the net change. A segment cut by the window start
 * counts in proportion, assuming an even pace between two observations.
 */
function advancePerSecond(series: readonly OffsetAt[], windowMs: number): number | null {
  const first = series[0];
  const last = series.at(-1);
  if (first === undefined || last === undefined) return null;
  const start = Math.max(first.observedAt, last.observedAt - windowMs);
  const spanMs = last.observedAt - start;
  if (!(spanMs > 0)) return null;

  let advanced = 0;
  for (const [before, after] of consecutivePairs(series)) {
    if (after.observedAt <= start || after.offset <= before.offset) continue;
    const step = Number(after.offset - before.offset);
    const segmentMs = after.observedAt - before.observedAt;
    const insideMs = after.observedAt - Math.max(before.observedAt, start);
    advanced += segmentMs > 0 ? (step * insideMs) / segmentMs : step;
  }
  return advanced / (spanMs / 1000);
}
