/** Tiny builders for the trace tests: an event is described by what matters to the test only. */
import type { EventSummary } from "@/lib/model/event";

import { stitchTrace, type StitchOptions } from "./stitch";
import type { LinkedEvent, StitchedTrace, TraceHop, TraceLookup } from "./types";

/** The W3C spec's example trace id, and the B3 spec's as a second (linked) trace. */
export const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
export const BATCH_TRACE = "80f198ee56343ba864fe8b2a57d3eff7";
export const T0 = 1_700_000_000_000;

export interface EventParts {
  id: string;
  /** Defaults to `id`, so `causationId: "a"` points at the event with id "a". */
  messageId?: string | null;
  causationId?: string | null;
  correlationId?: string | null;
  topic?: string;
  partition?: number;
  offset?: string;
  /** ms after T0. */
  at?: number;
  service?: string | null;
  eventType?: string | null;
  traceId?: string | null;
  spanId?: string | null;
  parentSpanId?: string | null;
  decodeError?: string | null;
  deadLetterOf?: string | null;
}

export function event(parts: EventParts): EventSummary {
  const traceId = parts.traceId === undefined ? TRACE : parts.traceId;
  return {
    id: parts.id,
    topic: parts.topic ?? "orders",
    partition: parts.partition ?? 0,
    offset: parts.offset ?? "0",
    timestamp: T0 + (parts.at ?? 0),
    size: 0,
    traceId,
    traceSource: traceId === null ? "none" : "traceparent",
    spanId: parts.spanId ?? null,
    parentSpanId: parts.parentSpanId ?? null,
    originTraceId: null,
    correlationId: parts.correlationId ?? null,
    causationId: parts.causationId ?? null,
    messageId: parts.messageId === undefined ? parts.id : parts.messageId,
    service: parts.service === undefined ? null : parts.service,
    eventType: parts.eventType ?? null,
    deadLetterOf: parts.deadLetterOf ?? null,
    preview: "",
    keyPreview: null,
    decodeError: parts.decodeError ?? null,
  };
}

/** Stitches at a `now` long after the events, so status is "ok" unless a test says otherwise. */
export function stitch(
  events: readonly (EventSummary | LinkedEvent)[],
  options: Partial<StitchOptions> = {},
): StitchedTrace {
  return stitchTrace(events, { now: T0 + 3_600_000, ...options });
}

export const ids = (trace: StitchedTrace): string[] => trace.hops.map((h) => h.id);

export function hop(trace: StitchedTrace, id: string): TraceHop {
  const found = trace.hops.find((h) => h.id === id);
  if (!found) throw new Error(`no hop ${id} in ${ids(trace).join(", ")}`);
  return found;
}

/** `id → parent id` for every hop, null for roots. */
export const parents = (trace: StitchedTrace): Record<string, string | null> =>
  Object.fromEntries(trace.hops.map((h) => [h.id, h.parentId]));

/** An in-memory index over `events`, answering the way server/index does; records what it was asked. */
export function lookupOf(events: EventSummary[]): TraceLookup & { asked: string[] } {
  const asked: string[] = [];
  const by = (name: string, field: (e: EventSummary) => string | null) => (key: string) => {
    asked.push(`${name}:${key}`);
    return events.filter((e) => field(e) === key);
  };
  return {
    asked,
    byTraceId: by("trace", (e) => e.traceId),
    byMessageId: by("message", (e) => e.messageId),
    byCausationId: by("causation", (e) => e.causationId),
    byCorrelationId: by("correlation", (e) => e.correlationId),
  };
}
