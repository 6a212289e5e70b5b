/** Socket events of the Flows page: the live event tail and the 1 Hz throughput aggregates. */
import type { TailEvent } from "@/lib/api/events";
import type { FlowStats } from "@/lib/api/flows";

export interface TailBatch {
  /** Oldest first, as they were read. */
  events: TailEvent[];
  /** Matching events not sent since the previous batch because of the per-client cap. */
  dropped: number;
  /** The cap in force for this client (events/s). */
  maxPerSec: number;
}

export interface FlowsServerEvents {
  "tail:batch": (batch: TailBatch) => void;
  "flows:stats": (stats: FlowStats) => void;
}
