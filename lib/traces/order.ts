import type { EventSummary } from "@/lib/model/event";

type Ordered = Pick<EventSummary, "timestamp" | "id">;

/**
 * The one total order on events used everywhere in a trace: record timestamp, then id. Timestamps alone
 * collide (same millisecond, or one LogAppendTime for a whole batch), and a trace must come out the same
 * on every run, on the server and in the browser. Assumes finite timestamps (the decoder guarantees it).
 */
export function compareEvents(a: Ordered, b: Ordered): number {
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? -1 : 1;
  return compareText(a.id, b.id);
}

export function sortEvents<T extends Ordered>(events: readonly T[]): T[] {
  return [...events].sort(compareEvents);
}

/** Code-unit order, not `localeCompare`: the same result in every runtime and locale. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
