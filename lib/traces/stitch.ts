import { isDlqTopicName } from "@/lib/dlq";
import type { EventSummary } from "@/lib/model/event";

import { indexConsumption } from "./consumption";
import { attributeCopies } from "./copies";
import { breakCycles } from "./cycles";
import { dedupeEvents } from "./dedupe";
import { buildHop } from "./hop";
import { compareText, sortEvents } from "./order";
import { structuralParents, type ParentEdge } from "./parents";
import { markRecoveredDeadLetters, traceStatus } from "./status";
import { timeParents } from "./time-parents";
import { causalOrder } from "./tree";
import type { ConsumptionPoint, LinkedEvent, StitchedTrace, TraceHop } from "./types";

export interface StitchOptions {
  /** The current time (ms), for "in-progress": this library never reads a clock. */
  now: number;
  /** The trace asked for; defaults to the trace id of the first same-trace hop. */
  traceId?: string | null;
  /** Defaults to the conventions' DLQ name patterns (lib/dlq). */
  isDlqTopic?: (topic: string) => boolean;
  /** The lag poller's committed-offset history for the trace's partitions. */
  consumption?: readonly ConsumptionPoint[];
  /** Which consumer group a service reads with, when groups are named after services. */
  groupForService?: (service: string) => string | null;
  /** Infer parents from time order for events without causation id (default true; ./time-parents). */
  inferParentsByTime?: boolean;
  /** See ./status. */
  settleMs?: number;
  /** Dead-letter hop id → the consumer group its headers say gave up on it (see ./copies). */
  deadLetterGroups?: ReadonlyMap<string, string>;
}

/**
 * Stitches events into a causation tree of hops in causal order (see ./types for the meaning of every
 * field). Pure and total: any set of events gives a trace, whatever the order they arrived in. The result
 * depends only on the *set* of events (duplicates dropped), so a child that arrived before its parent is
 * an orphan root until the parent is indexed and then, re-stitched, hangs under it.
 *
 * Accepts plain events (counted as "same-trace") or the output of `collectTraceEvents`.
 */
export function stitchTrace(
  input: readonly (EventSummary | LinkedEvent)[],
  options: StitchOptions,
): StitchedTrace {
  const { events, duplicatesDropped } = dedupeEvents(input);
  const linked = new Map(events.map((l): [string, LinkedEvent] => [l.event.id, l]));
  const sorted = sortEvents(events.map((l) => l.event));
  const order = sorted.map((e) => e.id);
  const isDlqTopic = memoize(options.isDlqTopic ?? ((topic: string) => isDlqTopicName(topic)));

  const stated = structuralParents(sorted, { isDlqTopic });
  const edges = new Map<string, ParentEdge>(stated.edges);
  if (options.inferParentsByTime !== false) {
    const needsParent = (e: EventSummary) => e.causationId === null && !stated.edges.has(e.id);
    for (const [id, parentId] of timeParents(sorted, needsParent)) edges.set(id, { parentId, via: "time" });
  }
  const forest = breakCycles(order, edges);
  const parentOf = new Map([...forest.edges].map(([id, edge]): [string, string] => [id, edge.parentId]));

  const context = {
    linked,
    edges: forest.edges,
    missing: stated.missing,
    dropped: forest.dropped,
    consumption: indexConsumption(options.consumption ?? []),
    isDlqTopic,
    groupForService: options.groupForService,
  };
  const hops = causalOrder(order, parentOf).map((placed) => buildHop(placed, context));
  markRecoveredDeadLetters(hops);
  attributeCopies(hops, options.deadLetterGroups);
  return assemble(hops, duplicatesDropped, options);
}

function assemble(hops: TraceHop[], duplicatesDropped: number, options: StitchOptions): StitchedTrace {
  // reduce, not Math.min(...): spreading a 100k-hop trace into arguments overflows the stack.
  const startedAt = hops.reduce<number | null>((min, h) => Math.min(min ?? h.producedAt, h.producedAt), null);
  const endedAt = hops.reduce<number | null>((max, h) => Math.max(max ?? h.endAt, h.endAt), null);
  const traceId =
    options.traceId !== undefined
      ? options.traceId
      : (hops.find((h) => h.link === "same-trace" && h.event.traceId !== null)?.event.traceId ?? null);
  const others = new Set(hops.flatMap((h) => (h.event.traceId === null ? [] : [h.event.traceId])));
  if (traceId !== null) others.delete(traceId);

  return {
    traceId,
    traceIds: [...(traceId === null ? [] : [traceId]), ...[...others].sort(compareText)],
    hops,
    startedAt,
    endedAt,
    durationMs: startedAt === null || endedAt === null ? 0 : endedAt - startedAt,
    status: traceStatus(hops, endedAt, options.now, options.settleMs),
    duplicatesDropped,
  };
}

// A trace has a handful of topics and thousands of records; the pattern match runs once per topic.
function memoize(isDlqTopic: (topic: string) => boolean): (topic: string) => boolean {
  const known = new Map<string, boolean>();
  return (topic) => {
    const cached = known.get(topic);
    if (cached !== undefined) return cached;
    const result = isDlqTopic(topic);
    known.set(topic, result);
    return result;
  };
}
