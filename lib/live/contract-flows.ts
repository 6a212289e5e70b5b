/** Socket events of the Flows page: the live event tail and the 1 Hz throughput aggregates. */
import type { EventFilter, TailEvent } from "@/lib/api/events";
import type { FlowStats } from "@/lib/api/flows";

export interface TailSubscription {
  filter: EventFilter;
  /** The most events per second this client wants; the server samples beyond it (default 100, max 500). */
  maxPerSec?: number;
}

export interface TailBatch {
  /** Oldest first, as they were read. */
  events: TailEvent[];
  /** Matching events not sent since the previous batch because of the per-client cap. */
  dropped: number;
  /** The cap in force for this client (events/s). */
  maxPerSec: number;
}

export type Ack<T> = (result: { ok: true; value: T } | { ok: false; error: string }) => void;

export interface FlowsServerEvents {
  "tail:batch": (batch: TailBatch) => void;
  "flows:stats": (stats: FlowStats) => void;
}

export interface FlowsClientEvents {
  /** Replaces this socket's tail subscription (one per socket). */
  "tail:subscribe": (subscription: TailSubscription, ack: Ack<{ maxPerSec: number }>) => void;
  "tail:unsubscribe": () => void;
  "flows:subscribe": () => void;
  "flows:unsubscribe": () => void;
}
