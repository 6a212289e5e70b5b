/** What the collector reports about itself in /api/health: progress, its own lag, and the last problem. */
import { parsePartitionKey } from "@/lib/model/record-id";
import type { CollectorRunState } from "@/lib/model/status";
import type { IngestedEvent } from "@/server/store/event-store";

export interface CollectorStatus {
  state: CollectorRunState;
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
  /** Set by a failure, cleared once the collector has read everything written up to its return. */
  private interrupted = false;
  /** Readers (by group) that joined again after a failure and have not read up to the end yet. */
  private readonly behind = new Set<string>();
  private readonly listeners = new Set<(state: CollectorRunState) => void>();

  /** Called with the new state whenever it changes (the live socket pushes it to the browsers). */
  onChange(listener: (state: CollectorRunState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readBatch(events: readonly IngestedEvent[]): void {
    this.status.eventsRead += events.length;
    for (const e of events) if (e.summary.decodeError) this.status.decodeErrors += 1;
    this.status.lastEventAt = Date.now();
    if (this.status.state === "degraded") this.settle();
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

  /** The consumer of `reader` joined its group: reading (again). After a failure: catching up first. */
  running(reader: string): void {
    this.status.lastError = null;
    if (this.interrupted) this.behind.add(reader);
    this.settle();
  }

  /** `reader` read up to the end of every partition it was given. */
  caughtUp(reader: string): void {
    this.readerGone(reader);
  }

  /** `reader` stopped: it no longer holds the collector in "catching-up". */
  readerGone(reader: string): void {
    if (this.behind.delete(reader) && this.status.state === "catching-up") this.settle();
  }

  failed(message: string): void {
    this.interrupted = true;
    this.status.lastError = message;
    this.set("degraded");
  }

  stopped(): void {
    this.set("stopped");
  }

  snapshot(): CollectorStatus {
    let lag = 0;
    for (const l of this.lagByPartition.values()) lag += l;
    return { ...this.status, lag };
  }

  /** Reading: still catching up while a reader that came back is behind, else running (and whole again). */
  private settle(): void {
    if (this.behind.size > 0) return this.set("catching-up");
    this.interrupted = false;
    this.set("running");
  }

  private set(state: CollectorRunState): void {
    if (this.status.state === state) return;
    this.status.state = state;
    for (const l of this.listeners) l(state);
  }
}
