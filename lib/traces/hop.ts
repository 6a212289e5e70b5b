import { committedConsumers, type ConsumptionIndex } from "./consumption";
import { mergeConsumers } from "./consumers";
import type { ParentEdge } from "./parents";
import { hopTiming } from "./timing";
import type { Placed } from "./tree";
import type { LinkedEvent, TraceHop } from "./types";

/** Everything stitching learnt about the events, keyed by event id. */
export interface HopContext {
  linked: ReadonlyMap<string, LinkedEvent>;
  /** The final, acyclic edges. */
  edges: ReadonlyMap<string, ParentEdge>;
  missing: ReadonlySet<string>;
  /** Ids whose edge was dropped to break a cycle. */
  dropped: ReadonlySet<string>;
  consumption: ConsumptionIndex;
  isDlqTopic: (topic: string) => boolean;
  groupForService?: (service: string) => string | null;
}

/** Assumes every id in `placed` (and its children) is a key of `ctx.linked`. */
export function buildHop(placed: Placed, ctx: HopContext): TraceHop {
  const { event, link, linkDepth } = eventOf(placed.id, ctx);
  const edge = ctx.edges.get(placed.id);
  const children = placed.childIds.map((id) => eventOf(id, ctx).event);
  // Only stated edges tell who consumed the hop (see ./consumers).
  const caused = children.filter((c) => {
    const via = ctx.edges.get(c.id)?.via;
    return via === "causation" || via === "span";
  });
  const consumers = mergeConsumers(
    event,
    committedConsumers(ctx.consumption, event),
    caused,
    ctx.groupForService,
  );
  const deadLetter = ctx.isDlqTopic(event.topic);

  return {
    id: event.id,
    event,
    link,
    linkDepth,
    parentId: edge?.parentId ?? null,
    parentVia: edge?.via ?? null,
    missingParent: ctx.missing.has(event.id),
    cycle: ctx.dropped.has(event.id),
    depth: placed.depth,
    childIds: placed.childIds,
    producedAt: event.timestamp,
    service: event.service,
    topic: event.topic,
    eventType: event.eventType,
    consumers,
    ...hopTiming(
      event.timestamp,
      consumers,
      children.map((c) => c.timestamp),
    ),
    copy: null, // set once every hop is built (./copies: attributeCopies)
    deadLetter,
    recoveredByRedrive: false, // set once every hop is built (./status: markRecoveredDeadLetters)
    status: deadLetter || event.decodeError !== null ? "error" : "ok",
  };
}

function eventOf(id: string, ctx: HopContext): LinkedEvent {
  const linked = ctx.linked.get(id);
  if (!linked) throw new Error(`stitching invariant broken: no event ${id}`);
  return linked;
}
