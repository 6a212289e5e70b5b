import type { TraceHop, TraceStatus } from "./types";

/** How long after its latest activity a trace still counts as running. */
export const DEFAULT_SETTLE_MS = 10_000;

/**
 * In this order:
 * - "error" when a hop could not be decoded, or ended in a dead-letter topic and was not recovered (see
 *   `markRecoveredDeadLetters`);
 * - "in-progress" while the trace's latest activity (`endedAt`) is younger than `settleMs`;
 * - "recovered" when it went through a dead-letter topic and every such hop was re-driven and consumed;
 * - else "ok".
 *
 * Kept deliberately simple: an event-driven flow has no "end" event we could recognise in general, so
 * quiet time is the only signal. A flow that pauses longer than `settleMs` shows "ok" and flips back to
 * "in-progress" when its next hop arrives. A dead letter does not go away, so an error stays until a
 * re-drive of it is consumed; a re-driven copy that fails again is a new dead letter, an error again.
 */
export function traceStatus(
  hops: readonly TraceHop[],
  endedAt: number | null,
  now: number,
  settleMs: number = DEFAULT_SETTLE_MS,
): TraceStatus {
  if (hops.some((hop) => hop.status === "error" && !hop.recoveredByRedrive)) return "error";
  if (endedAt !== null && now - endedAt < settleMs) return "in-progress";
  return hops.some((hop) => hop.recoveredByRedrive) ? "recovered" : "ok";
}

/**
 * Sets `recoveredByRedrive` on each dead-letter hop that has a re-driven copy among its children: a copy
 * (same message id: `parentVia` "copy") on a topic that is not a DLQ, which was consumed again (a group
 * committed past it, or it caused a message). Re-drives strip the dead-letter headers, so the summaries
 * carry nothing else that says "re-driven"; a copy out of a DLQ back to a live topic is exactly that.
 * Assumes `hops` are freshly built for this trace (it updates them in place).
 */
export function markRecoveredDeadLetters(hops: readonly TraceHop[]): void {
  const byId = new Map(hops.map((h) => [h.id, h]));
  for (const hop of hops) {
    if (!hop.deadLetter) continue;
    hop.recoveredByRedrive = hop.childIds.some((id) => {
      const child = byId.get(id);
      return (
        child !== undefined && child.parentVia === "copy" && !child.deadLetter && child.consumedAt !== null
      );
    });
  }
}
