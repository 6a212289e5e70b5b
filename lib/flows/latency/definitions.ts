/**
 * What flow latency means, for a message M caused by a message P (see ./pairing for how P is found):
 * - hop latency of the path `P.topic → service(M) → M.topic` is `M.timestamp − P.timestamp`: the time
 *   P waited in its topic plus the time the service took to produce M;
 * - queue time of P for a group G runs from `P.timestamp` until G's committed offset reaches P's offset
 *   (everything before P is done; see ./queue-time for why not "passes"), known only to within the lag
 *   poll interval (commits are observed by polling), and processing time is the hop minus the queue time;
 * - end-to-end latency is `M.timestamp − root.timestamp` of M's trace, kept per pathway (the topics from
 *   the root to M) and, once a trace goes quiet, for the whole trace (its last message minus its root).
 * Timestamps come from different producers' clocks, so a hop can come out negative by clock skew; it is
 * counted as 0 rather than dropped, so counts stay true.
 */
export const hopLatency = (parentAt: number, childAt: number) => Math.max(0, childAt - parentAt);

export const endToEndLatency = (rootAt: number, at: number) => Math.max(0, at - rootAt);

/**
 * Queue time of a message produced at `producedAt`, given the poll that first saw its group's committed
 * offset reach it (`seenAt`) and the poll before (`previousPollAt`): the true moment lies between the two
 * polls, so both bounds are returned and the UI says how coarse they are.
 */
export function queueTime(producedAt: number, previousPollAt: number, seenAt: number) {
  return { atLeast: Math.max(0, previousPollAt - producedAt), atMost: Math.max(0, seenAt - producedAt) };
}

/** Processing time is what the hop took beyond waiting in the queue; never below zero. */
export const processingTime = (hopMs: number, queueMs: number) => Math.max(0, hopMs - queueMs);

/** Topics from the root to a message; long chains keep their start and end so keys stay bounded. */
export const MAX_PATHWAY_TOPICS = 8;
export const PATHWAY_SEPARATOR = " → ";

export function extendPathway(parent: readonly string[], topic: string): string[] {
  if (parent.length < MAX_PATHWAY_TOPICS) return [...parent, topic];
  return [...parent.slice(0, MAX_PATHWAY_TOPICS - 2), "…", topic];
}
