import type { EventSummary } from "@/lib/model/event";

/** The latest event seen so far in one trace, and the latest one from any other service than it. */
interface Recent {
  latest: EventSummary;
  /** Invariant: the most recent event whose service differs from `latest.service`. */
  latestOther: EventSummary | null;
}

/**
 * Parents inferred from time for events that carry no causation id (where there is none, events are
 * ordered by time within the trace): the latest earlier event of the same trace id from a different
 * service. A service that emits an event most likely does so because it consumed the last thing another
 * service emitted; two events of one service in a row become siblings under that same event, not a chain.
 *
 * It is a guess, so it is only made where nothing better exists: callers pass `needsParent` true only for
 * events without causation id and without a stated edge, and the hop is marked `parentVia: "time"`.
 * Events of an unknown service neither get nor give an inferred parent: "different service" cannot be
 * judged for them, and Kafka records no producer identity. They stay roots, ordered by time.
 *
 * Assumes `sorted` is in `compareEvents` order, so "earlier" is that total order and these edges alone
 * can never form a cycle (with causation edges they can: ./cycles handles that). O(n).
 */
export function timeParents(
  sorted: readonly EventSummary[],
  needsParent: (event: EventSummary) => boolean,
): Map<string, string> {
  const parents = new Map<string, string>();
  const recentByTrace = new Map<string, Recent>();

  for (const event of sorted) {
    const { traceId, service } = event;
    if (traceId === null || service === null) continue;
    const recent = recentByTrace.get(traceId);

    if (recent && needsParent(event)) {
      const candidate = recent.latest.service !== service ? recent.latest : recent.latestOther;
      if (candidate) parents.set(event.id, candidate.id);
    }

    if (!recent) recentByTrace.set(traceId, { latest: event, latestOther: null });
    else if (recent.latest.service !== service) {
      recentByTrace.set(traceId, { latest: event, latestOther: recent.latest });
    } else recent.latest = event;
  }
  return parents;
}
