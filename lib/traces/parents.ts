import type { EventSummary } from "@/lib/model/event";

import { compareEvents } from "./order";
import type { ParentVia } from "./types";

export interface ParentEdge {
  parentId: string;
  via: ParentVia;
}

export interface StructuralParents {
  edges: Map<string, ParentEdge>;
  /** Events whose causation id names a message not among the events. */
  missing: Set<string>;
}

export interface ParentRules {
  isDlqTopic: (topic: string) => boolean;
}

/**
 * Parent edges the records themselves state, strongest first (see `ParentVia`). Edges may still form
 * cycles (bad or self-referencing ids); ./cycles breaks them.
 *
 * Assumes `sorted` is in `compareEvents` order with unique ids. Message ids are not unique in practice:
 * retry topics, dead-letter publishers and re-drives copy the headers, `ce_id` included. So a record
 * whose message id an earlier record already carries is a copy and hangs under the latest such record
 * (original → retry → dead letter → re-drive), and a causation id resolves to the copy that was most
 * likely consumed: the latest non-dead-letter copy produced before the child, else the earliest copy.
 */
export function structuralParents(sorted: readonly EventSummary[], rules: ParentRules): StructuralParents {
  const ids = new Set(sorted.map((e) => e.id));
  const byMessage = groupBy(sorted, (e) => e.messageId);
  const bySpan = firstBy(sorted, (e) => (e.traceId && e.spanId ? `${e.traceId}/${e.spanId}` : null));
  const edges = new Map<string, ParentEdge>();
  const missing = new Set<string>();

  for (const event of sorted) {
    // Decoded from the dead letter's headers at ingest (lib/ingest/dead-letter-of).
    const origin = event.deadLetterOf;
    const copies = event.messageId === null ? [] : (byMessage.get(event.messageId) ?? []);
    const copyOf = copies[copies.indexOf(event) - 1];
    const spanKey = event.traceId && event.parentSpanId ? `${event.traceId}/${event.parentSpanId}` : null;
    const spanParent = spanKey === null ? undefined : bySpan.get(spanKey);

    if (origin !== null && origin !== event.id && ids.has(origin)) {
      edges.set(event.id, { parentId: origin, via: "dead-letter-origin" });
    } else if (copyOf) {
      edges.set(event.id, { parentId: copyOf.id, via: "copy" });
    } else if (event.causationId !== null && byMessage.has(event.causationId)) {
      const cause = causeOf(event, byMessage.get(event.causationId) ?? [], rules.isDlqTopic);
      edges.set(event.id, { parentId: cause.id, via: "causation" });
    } else if (spanParent && spanParent !== event) {
      edges.set(event.id, { parentId: spanParent.id, via: "span" });
    } else if (event.causationId !== null) {
      missing.add(event.id);
    }
  }
  return { edges, missing };
}

// `copies` is non-empty and sorted. May return `child` itself (a self-reference): ./cycles drops that.
function causeOf(child: EventSummary, copies: readonly EventSummary[], isDlq: (t: string) => boolean) {
  for (let i = copies.length - 1; i >= 0; i--) {
    const copy = copies[i];
    if (copy && compareEvents(copy, child) < 0 && !isDlq(copy.topic)) return copy;
  }
  return copies[0] ?? child;
}

function groupBy(sorted: readonly EventSummary[], key: (e: EventSummary) => string | null) {
  const groups = new Map<string, EventSummary[]>();
  for (const event of sorted) {
    const k = key(event);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(event);
    else groups.set(k, [event]);
  }
  return groups;
}

function firstBy(sorted: readonly EventSummary[], key: (e: EventSummary) => string | null) {
  const first = new Map<string, EventSummary>();
  for (const event of sorted) {
    const k = key(event);
    if (k !== null && !first.has(k)) first.set(k, event);
  }
  return first;
}
