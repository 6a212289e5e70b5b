import type { EventSummary } from "@/lib/model/event";

import type { LinkedEvent, LinkKind } from "./types";

const STRENGTH: Record<LinkKind, number> = { "same-trace": 0, "causation-link": 1, correlation: 2 };

/** Plain events are what the trace asked for: they count as "same-trace". */
function asLinked(item: EventSummary | LinkedEvent): LinkedEvent {
  return "event" in item ? item : { event: item, link: "same-trace", linkDepth: 0 };
}

/**
 * One entry per event id (`topic/partition/offset` names one record, so equal ids are the same record seen
 * twice: a re-read after a rebalance, or found by two lookups). Of two sightings the closer link wins, so
 * the result does not depend on the order the events arrived in.
 */
export function dedupeEvents(items: readonly (EventSummary | LinkedEvent)[]): {
  events: LinkedEvent[];
  duplicatesDropped: number;
} {
  const byId = new Map<string, LinkedEvent>();
  for (const item of items) {
    const linked = asLinked(item);
    const seen = byId.get(linked.event.id);
    if (!seen || closer(linked, seen)) byId.set(linked.event.id, linked);
  }
  return { events: [...byId.values()], duplicatesDropped: items.length - byId.size };
}

function closer(a: LinkedEvent, b: LinkedEvent): boolean {
  const byKind = STRENGTH[a.link] - STRENGTH[b.link];
  return byKind !== 0 ? byKind < 0 : a.linkDepth < b.linkDepth;
}
