/**
 * How long the *messages* of a trace took, apart from its full duration. A trace's duration ends at the
 * last known consumption, and consumption known from committed offsets is only an upper bound at the lag
 * poller's pace (seconds), so a 40 ms order can show as a 5 s trace. The header shows both.
 */
import type { StitchedTrace } from "@/lib/traces";

/** Last production time minus the trace's start; null for an empty trace. */
export function messagesSpanMs(trace: Pick<StitchedTrace, "hops" | "startedAt">): number | null {
  if (trace.startedAt === null || trace.hops.length === 0) return null;
  let last = trace.startedAt;
  for (const hop of trace.hops) last = Math.max(last, hop.producedAt);
  return last - trace.startedAt;
}

/** True when the two differ enough to be worth saying (by more than a tenth and more than 50 ms). */
export function spanDiffers(durationMs: number, spanMs: number | null): spanMs is number {
  return spanMs !== null && durationMs - spanMs > Math.max(50, durationMs * 0.1);
}
