/**
 * The index behind an interface: the in-memory store is the default, and a shared engine (PostgreSQL) can
 * replace it without touching the collector, the live hub or the REST routes.
 */
import type { EventFilter, IndexWindow } from "@/lib/api/events";
import type { EventRecord } from "@/lib/model/event";

export interface IndexStats {
  events: number;
  /** Estimated bytes held (see estimate-size.ts). */
  bytes: number;
  budgetBytes: number;
  evictedEvents: number;
  truncatedPayloads: number;
  window: IndexWindow;
}

export interface EventStore {
  /** Adds an event; a second add of the same id is ignored (re-reads after a rebalance are normal). */
  add(event: EventRecord): boolean;
  get(id: string): EventRecord | undefined;
  byTraceId(traceId: string): EventRecord[];
  byCorrelationId(correlationId: string): EventRecord[];
  byMessageId(messageId: string): EventRecord[];
  byCausationId(messageId: string): EventRecord[];
  /** Newest first, at most `limit`, matching the filter. */
  recent(filter: EventFilter, limit: number): EventRecord[];
  /** Counts of indexed events per topic and per (service, topic) pair: the raw material of the flow graph. */
  topicCounts(): Map<string, number>;
  producerPairs(): Map<string, { service: string; topic: string; count: number }>;
  stats(): IndexStats;
}
