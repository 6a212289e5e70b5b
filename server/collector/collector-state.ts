/** What the collector reports about itself in /api/health: progress, its own lag, and the last problem. */
import { parsePartitionKey } from "@/lib/model/record-id";
import type { IngestedEvent } from "@/server/store/event-store";

export interface CollectorStatus {
  state: "starting" | "running" | "degraded" | "stopped";
  topics: number;
  partitions: number;
  /** Records behind the end of the log, summed over partitions, as of each partition's last fetch. */
  lag: number;
  eventsRead: number;
  decodeErrors: number;
  lastEventAt: number | null;
  lastError: string | null;
}

export class CollectorState {
  private status: CollectorStatus = {
    state: "starting",
    topics: 0,
    partitions: 0,
    lag: 0,
    eventsRead: 0,
    decodeErrors: 0,
    lastEventAt: null,
    lastError: null,
  };
  private readonly lagByPartition = new Map<string, number>();

  readBatch(events: readonly IngestedEvent[]): void {
    this.status.eventsRead += events.length;
    for (const e of events) if (e.summary.decodeError) this.status.decodeErrors += 1;
    this.status.lastEventAt = Date.now();
    if (this.status.state === "degraded") this.status.state = "running";
  }

  partitionLag(topic: string, partition: number, lag: number): void {
    this.lagByPartition.set(`${topic}/${partition}`, Math.max(0, lag));
  }

  topology(topics: Map<string, number>): void {
    this.status.topics = topics.size;
    this.status.partitions = [...topics.values()].reduce((a, b) => a + b, 0);
    for (const key of this.lagByPartition.keys()) {
      if (!topics.has(parsePartitionKey(key).topic)) this.lagByPartition.delete(key);
    }
  }

  running(): void {
    this.status.state = "running";
    this.status.lastError = null;
  }

  failed(message: string): void {
    this.status.state = "degraded";
    this.status.lastError = message;
  }

  stopped(): void {
    this.status.state = "stopped";
  }

  snapshot(): CollectorStatus {
    let lag = 0;
    for (const l of this.lagByPartition.values()) lag += l;
    return { ...this.status, lag };
  }
}
