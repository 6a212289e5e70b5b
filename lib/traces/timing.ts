import type { ConsumptionSource, HopConsumer } from "./types";

export interface HopTiming {
  consumedAt: number | null;
  consumedVia: ConsumptionSource | null;
  nextAt: number | null;
  endAt: number;
  queueMs: number | null;
  processingMs: number | null;
  durationMs: number;
}

/**
 * Splits a hop into queue time (produced → consumed) and processing time (consumed → next message).
 *
 * Only a commit observation can split it: a child message only bounds consumption from above, so using
 * its time as the consumption time would book all processing as queue time and report zero processing.
 * And a commit seen *after* the first child says nothing new (consumers usually commit after producing).
 * So: commit-known consumption at or before the next message → both parts; otherwise the split is
 * unknown (both null) and the bar shows the whole hop. A leaf hop with a known commit has queue time only.
 *
 * Assumes `consumers` are earliest first and `childTimes` are the producedAt of all children.
 */
export function hopTiming(
  producedAt: number,
  consumers: readonly HopConsumer[],
  childTimes: readonly number[],
): HopTiming {
  const first = consumers[0];
  const consumedAt = first ? first.consumedAt : null;
  // A child stamped before its parent is clock skew between producers: the hop cannot end before it began.
  const nextAt = childTimes.reduce<number | null>(
    (min, t) => Math.max(producedAt, Math.min(min ?? t, t)),
    null,
  );
  const endAt = nextAt ?? consumedAt ?? producedAt;

  const commit = consumers.find((c) => c.source === "committed-offset");
  const split = commit && (nextAt === null || commit.consumedAt <= nextAt) ? commit.consumedAt : null;
  const queueMs = split === null ? null : split - producedAt;
  const processingMs = split === null || nextAt === null ? null : nextAt - split;

  return {
    consumedAt,
    consumedVia: first?.source ?? null,
    nextAt,
    endAt,
    queueMs,
    processingMs,
    durationMs: endAt - producedAt,
  };
}
