/**
 * The event store behind one interface: compact summaries of every event in the retention window, their
 * payloads (for the event drawer and re-drive), and how far each partition has been read — written together,
 * so a restart continues exactly where the store ends. Backends: SQLite on disk (the default), SQLite in
 * memory (tests, `EVENTSCOPE_STORE=memory`), PostgreSQL shared by several instances
 * (`EVENTSCOPE_STORE=postgres://…`). Reads may answer at once (SQLite) or later (PostgreSQL answers over
 * the network), so callers await them.
 *
 * Every read is bounded in work: lookups by id use an index and a row cap; scans stop at a time budget and
 * say so (`partial`), so no request can hold the event loop.
 */
import type { EventFilter, IndexWindow } from "@/lib/api/events";
import type { EventSummary } from "@/lib/model/event";
import type { RawHeader } from "@/lib/model/raw-record";

/** The bytes of a record as read from Kafka, kept so the full record can be decoded when someone opens it. */
export interface StoredPayload {
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: RawHeader[];
}

export interface IngestedEvent {
  summary: EventSummary;
  payload: StoredPayload;
}

export interface IngestBatch {
  events: IngestedEvent[];
  /** Next offset to read per `topic/partition`, after this batch: stored in the same transaction. */
  positions: Map<string, string>;
}

/** What the store holds and what it has let go, for `/api/health` and `/metrics`. */
export interface StoreStats {
  backend: "embedded" | "memory" | "postgres";
  events: number;
  /** Bytes the store's pages hold (rows, indexes and payloads), measured by the engine. */
  diskBytes: number;
  diskBudgetBytes: number;
  /** Bytes per stored event (diskBytes / events), 0 when empty. */
  bytesPerEvent: number;
  retentionMs: number;
  /** Events removed by age or by the disk budget since the store was created. */
  evictedEvents: number;
  /** Payload blocks dropped early to stay within the disk budget; their events are kept without payload. */
  expiredPayloadEvents: number;
  window: IndexWindow;
}

/** A bounded scan's answer: what it found, and whether it stopped before the end of the window. */
export interface ScanResult<T> {
  items: T[];
  /** True when the scan hit its time or row budget; `scannedBackTo` says how far back it looked. */
  partial: boolean;
  scannedBackTo: number | null;
}

export type PayloadLookup =
  { state: "stored"; payload: StoredPayload } | { state: "expired" } | { state: "unknown" };

/** A read's answer, now (embedded store) or later (a store behind a network connection). */
export type Awaitable<T> = T | Promise<T>;

export interface EventStore {
  /** Stores a batch with its positions, in one transaction; resolves once it is readable. */
  append(batch: IngestBatch): Promise<void>;
  /**
   * How many appends may be outstanding at once (default 1). A store that takes more applies them in call
   * order, and after one fails refuses every later one that was already handed to it, so a retry from the
   * failed one on never leaves a gap behind a stored position.
   */
  readonly concurrentAppends?: number;
  /** Next offset to read per `topic/partition`, as of the last append. */
  positions(): Map<string, string>;
  /** A shared store's positions as stored now, other instances' appends included; absent when not shared. */
  readPositions?(): Promise<Map<string, string>>;
  get(id: string): Awaitable<EventSummary | undefined>;
  payload(id: string): Awaitable<PayloadLookup>;
  /** Oldest first, at most `limit` (default MAX_EVENTS_PER_KEY). */
  byTraceId(traceId: string, limit?: number): Awaitable<EventSummary[]>;
  byCorrelationId(correlationId: string, limit?: number): Awaitable<EventSummary[]>;
  byMessageId(messageId: string, limit?: number): Awaitable<EventSummary[]>;
  byCausationId(messageId: string, limit?: number): Awaitable<EventSummary[]>;
  /** Newest first, at most `limit`, matching the filter; bounded by a time budget. */
  recent(filter: EventFilter, limit: number): Awaitable<ScanResult<EventSummary>>;
  /**
   * The trace keys (trace id, else correlation id) of the newest events by event time (then by arrival),
   * newest first, distinct, at most `limit`: where a recent-traces list starts, without reading whole rows.
   * Event time, not arrival: while a backlog is read, the events stored last are the oldest ones.
   */
  recentTraceKeys(limit: number): Awaitable<TraceKey[]>;
  /** Counts of stored events per topic and per (service, topic) pair: the raw material of the flow graph. */
  topicCounts(): Awaitable<Map<string, number>>;
  producerPairs(): Awaitable<Map<string, { service: string; topic: string; count: number }>>;
  stats(): StoreStats;
  /** The Kafka cluster the store's events and positions come from (null for a new store). */
  clusterId(): string | null;
  setClusterId(id: string): Promise<void>;
  /** Applies one bounded step of retention by age and disk budget; resolves with the events evicted. */
  enforceRetention(now: number): Promise<number>;
  close(): Promise<void>;
}

/** How a trace is keyed: by its trace id, or by a correlation id where no trace id was sent. */
export type TraceKey = { traceId: string; correlationId: null } | { traceId: null; correlationId: string };

/** No key may pull more rows than this into one trace: a hot correlation id must not stall a request. */
export const MAX_EVENTS_PER_KEY = 5_000;
/** Scans (text search, rare filters) stop after this long and answer with what they found. */
export const SCAN_BUDGET_MS = 40;
