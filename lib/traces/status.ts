import type { TraceHop, TraceStatus } from "./types";

/** How long after its latest activity a trace still counts as running. */
export const DEFAULT_SETTLE_MS = 10_000;

/**
 * "error" when any hop ended in a dead-letter topic or could not be decoded; else "in-progress" while the
 * trace's latest activity (`endedAt`) is younger than `settleMs`; else "ok".
 *
 * Kept deliberately simple: an event-driven flow has no "end" event we could recognise in general, so
 * quiet time is the only signal. A flow that pauses longer than `settleMs` shows "ok" and flips back to
 * "in-progress" when its next hop arrives; an error is final because a dead letter does not go away.
 */
export function traceStatus(
  hops: readonly TraceHop[],
  endedAt: number | null,
  now: number,
  settleMs: number = DEFAULT_SETTLE_MS,
): TraceStatus {
  if (hops.some((hop) => hop.status === "error")) return "error";
  if (endedAt !== null && now - endedAt < settleMs) return "in-progress";
  return "ok";
}
