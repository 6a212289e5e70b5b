import type { EventSummary } from "@/lib/model/event";

import { sortEvents } from "./order";
import type { LinkedEvent, LinkKind, TraceLookup } from "./types";

export const DEFAULT_MAX_TRACE_EVENTS = 5_000;
export const DEFAULT_MAX_LINK_DEPTH = 3;

export interface CollectOptions {
  /** Stop adding events at this many; the result says `truncated`. */
  maxEvents?: number;
  /** Most trace boundaries to cross from the seeds' traces. */
  maxLinkDepth?: number;
  /** Also pull in events that share a correlation id (default true). */
  followCorrelation?: boolean;
}

export interface CollectedTrace {
  /** Each event once, with how it was reached; in discovery order (stitching sorts them). */
  events: LinkedEvent[];
  /** True when `maxEvents` cut the expansion short. */
  truncated: boolean;
}

/**
 * The events of the seeds' traces plus the events linked to them, level by level: stitch on trace id
 * first, then on causation id / message id links.
 *
 * Depth 0 is every event of every seed's trace id. From each event, causation edges are followed both
 * ways (its children by `byCausationId`, its cause by `byMessageId`). An edge into an event of another
 * trace id costs one level of `linkDepth`: that is an OTel batch consumer's new trace. An edge that stays
 * in a trace, or reaches an event without trace id, costs nothing, so a linked chain is followed to its
 * end. Linked traces are *not* pulled in whole by trace id: a batch consumer's trace holds the messages of
 * a whole poll, most of them caused by other traces. A shared correlation id always costs one level.
 *
 * Bounded: at most `maxEvents` events and `maxLinkDepth` levels; each id is looked up once. Levels are
 * finished before the next starts, so every event gets its smallest depth and causation beats correlation.
 */
export function collectTraceEvents(
  seeds: readonly EventSummary[],
  lookup: TraceLookup,
  options: CollectOptions = {},
): CollectedTrace {
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_TRACE_EVENTS;
  const maxDepth = options.maxLinkDepth ?? DEFAULT_MAX_LINK_DEPTH;
  const found = new Map<string, LinkedEvent>();
  const asked = new Set<string>();
  let truncated = false;

  const reach = (event: EventSummary, link: LinkKind, linkDepth: number): boolean => {
    if (found.has(event.id)) return false;
    if (found.size >= maxEvents) {
      truncated = true;
      return false;
    }
    found.set(event.id, { event, link, linkDepth });
    return true;
  };
  const ask = (kind: string, key: string | null, get: (key: string) => readonly EventSummary[]) => {
    if (key === null || asked.has(`${kind}:${key}`)) return [];
    asked.add(`${kind}:${key}`);
    return sortEvents(get(key));
  };

  const ordered = sortEvents(seeds);
  const traceIds = [...new Set(ordered.flatMap((e) => (e.traceId === null ? [] : [e.traceId])))];
  // Lookups are called as methods (never detached): the index may be a class that needs its `this`.
  const start = [...ordered, ...traceIds.flatMap((id) => ask("trace", id, (k) => lookup.byTraceId(k)))];
  let level = start.filter((e) => reach(e, "same-trace", 0));

  for (let depth = 0; level.length > 0; depth++) {
    const crossing: EventSummary[] = [];
    // `level` grows while we walk it (an array iterator sees pushed items): that is the in-trace closure.
    for (const from of level) {
      const linked = [
        ...ask("caused-by", from.messageId, (k) => lookup.byCausationId(k)),
        ...ask("message", from.causationId, (k) => lookup.byMessageId(k)),
      ];
      for (const to of linked) {
        if (to.traceId !== null && to.traceId !== from.traceId) crossing.push(to);
        else if (reach(to, "causation-link", depth)) level.push(to);
      }
    }
    if (depth >= maxDepth) break;
    const next = crossing.filter((e) => reach(e, "causation-link", depth + 1));
    if (options.followCorrelation !== false) {
      const correlated = level.flatMap((e) =>
        ask("correlation", e.correlationId, (k) => lookup.byCorrelationId(k)),
      );
      next.push(...correlated.filter((e) => reach(e, "correlation", depth + 1)));
    }
    level = next;
  }
  return { events: [...found.values()], truncated };
}
