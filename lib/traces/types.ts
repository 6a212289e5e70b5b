/**
 * Shapes of a stitched trace (events grouped by trace id and linked by causation/correlation ids). Plain
 * data: a stitched trace crosses the REST API as JSON, so no Maps, Sets or bigints in the output types.
 *
 * Times are ms since epoch; durations are ms. `null` always means "unknown", never zero.
 */
import type { EventSummary } from "@/lib/model/event";

/**
 * How an event came into the trace. "same-trace": it carries one of the trace ids asked for;
 * "causation-link": reached over a causation id ↔ message id edge from another trace (OTel batch
 * consumers start a new trace per poll and only link to the producer's context); "correlation": shares
 * a correlation id.
 */
export type LinkKind = "same-trace" | "causation-link" | "correlation";

/**
 * An event with the way it was reached. `linkDepth` counts the links taken to reach it: a causation edge
 * into another trace id, or a shared correlation id, is one each; staying inside a trace is free.
 */
export interface LinkedEvent {
  event: EventSummary;
  link: LinkKind;
  linkDepth: number;
}

/**
 * The index's lookups, injected so this library stays free of I/O. Each returns every indexed event
 * with that value (any order, possibly empty). `byCausationId(m)` returns the events caused by message `m`.
 */
export interface TraceLookup {
  byTraceId(traceId: string): readonly EventSummary[];
  byMessageId(messageId: string): readonly EventSummary[];
  byCausationId(messageId: string): readonly EventSummary[];
  byCorrelationId(correlationId: string): readonly EventSummary[];
}

/** One poll of a group's committed offset on one partition, as the lag poller saw it. */
export interface ConsumptionPoint {
  group: string;
  topic: string;
  partition: number;
  /** int64 as a decimal string: the offset of the *next* record the group will read. */
  committedOffset: string;
  observedAt: number;
}

/**
 * Why a hop hangs under its parent, strongest first: "dead-letter-origin" (the dead letter's headers name
 * the original record), "copy" (an earlier record with the same message id: retry, dead letter, re-drive),
 * "causation" (causation id → message id), "span" (B3 parent span id → the span another message was sent
 * under), "time" (no causation id: inferred from time order, see ./time-parents).
 */
export type ParentVia = "dead-letter-origin" | "copy" | "causation" | "span" | "time";

export type ConsumptionSource = "committed-offset" | "child-message";

/** One consumer (group, or a service whose group is unknown) known to have read a hop's record. */
export interface HopConsumer {
  group: string | null;
  /** The service of the child message this was learnt from; null for committed-offset evidence. */
  service: string | null;
  /** Upper bound: the record was read by then (poll time, or the time a message it caused was produced). */
  consumedAt: number;
  source: ConsumptionSource;
}

/**
 * Who made a hop that copies an earlier record (a retry, a dead letter, a re-drive; see ./copies). Kafka
 * records no producer, and a copy carries the original's producer headers, so the copy's `service` names
 * the original producer; the work of copying belongs to the consumer group that gave up on the record.
 */
export interface HopCopy {
  kind: "retry" | "dead-letter" | "redrive";
  /** The group that gave up on the copied record and produced this copy; null when unknown or a re-drive. */
  gaveUpGroup: string | null;
  /**
   * "dead-letter": the dead letter names its group (Spring's `kafka_dlt-original-consumer-group`,
   * `x-original-consumer-group`, Spring Cloud Stream's `error.<topic>.<group>` name); "consumer-of-original":
   * the group known to have read the copied record (with several, the one named most like the copy's topic).
   */
  groupFrom: "dead-letter" | "consumer-of-original" | null;
  /** The service that produced the first record of the copy chain. */
  originalProducer: string | null;
}

export type HopStatus = "ok" | "error";
/** See ./status: "recovered" is a trace whose every failure was a dead letter re-driven and consumed again. */
export const TRACE_STATUSES = ["ok", "error", "in-progress", "recovered"] as const;
export type TraceStatus = (typeof TRACE_STATUSES)[number];

/** One record in the trace with its place in the causation tree and its timings. */
export interface TraceHop {
  /** The event's id (`topic/partition/offset`). */
  id: string;
  event: EventSummary;
  link: LinkKind;
  linkDepth: number;
  parentId: string | null;
  parentVia: ParentVia | null;
  /** The causation id names a message the trace does not hold (not indexed, evicted, or never sent). */
  missingParent: boolean;
  /** Its parent edge was dropped because it closed a cycle (bad ids, self-reference). */
  cycle: boolean;
  /** Nesting in the causation tree; roots are 0. */
  depth: number;
  /** In causal order. */
  childIds: string[];

  producedAt: number;
  service: string | null;
  topic: string;
  eventType: string | null;

  /** Earliest first. */
  consumers: HopConsumer[];
  consumedAt: number | null;
  consumedVia: ConsumptionSource | null;
  /** When the first child was produced (clamped to `producedAt` against clock skew). */
  nextAt: number | null;
  /** End of the hop's bar: next, else consumed, else produced. */
  endAt: number;
  /** Produced → consumed, only when a commit observation splits the hop (see ./timing). */
  queueMs: number | null;
  /** Consumed → next, only when a commit observation splits the hop. */
  processingMs: number | null;
  /** `endAt − producedAt`. */
  durationMs: number;

  /** Set when the hop copies an earlier record of the trace: who made the copy (see HopCopy). */
  copy: HopCopy | null;
  deadLetter: boolean;
  /**
   * A dead-letter hop with a re-driven copy below it (same message id, on a topic that is not a DLQ) that
   * was consumed again. The hop keeps status "error": it did fail; the trace counts it as recovered.
   */
  recoveredByRedrive: boolean;
  status: HopStatus;
}

export interface StitchedTrace {
  /** The trace asked for; null when the events carry no trace id (e.g. found by correlation id). */
  traceId: string | null;
  /** Every trace id among the hops, `traceId` first, then sorted. */
  traceIds: string[];
  /** Causal order: depth-first pre-order of the causation tree, siblings and roots by time. */
  hops: TraceHop[];
  /** Null only for an empty trace. */
  startedAt: number | null;
  endedAt: number | null;
  durationMs: number;
  status: TraceStatus;
  /** Input events dropped because an event with the same id was already there. */
  duplicatesDropped: number;
}

export interface TraceSummary {
  traceId: string | null;
  rootEventType: string | null;
  rootService: string | null;
  /** Distinct known services, sorted. */
  services: string[];
  /** Distinct topics, sorted. */
  topics: string[];
  hopCount: number;
  startedAt: number | null;
  endedAt: number | null;
  durationMs: number;
  hasDeadLetter: boolean;
  errorCount: number;
  status: TraceStatus;
}

export interface WaterfallRow {
  id: string;
  depth: number;
  label: string;
  service: string | null;
  topic: string;
  link: LinkKind;
  status: HopStatus;
  /** From the trace start to this hop's production. */
  startOffsetMs: number;
  durationMs: number;
  queueMs: number | null;
  processingMs: number | null;
  deadLetter: boolean;
  /** For a retry, dead-letter or re-driven copy: who made it, and the original producer (see HopCopy). */
  copy: HopCopy | null;
  /** Its parent was inferred from time order, so the UI can draw the indentation as a guess. */
  inferredParent: boolean;
  missingParent: boolean;
  hasChildren: boolean;
  collapsed: boolean;
  /** Index into the UI's palette, stable per service name; null for an unknown service. */
  serviceColorIndex: number | null;
}

export interface WaterfallAxis {
  startedAt: number;
  totalMs: number;
  /** Offsets from `startedAt` in ms, at round steps, starting at 0. */
  ticks: number[];
}

export interface Waterfall {
  axis: WaterfallAxis;
  rows: WaterfallRow[];
}
