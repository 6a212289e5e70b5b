/**
 * Batches the collector's output into few, large store transactions: fetched batches are buffered and
 * written together every FLUSH_MS or once MAX_BUFFERED events wait, whichever comes first. One write per
 * flush keeps SQLite's per-transaction cost off the per-record path. Listeners hear of events only once
 * they are stored, so anything that reacts (a watched trace) can read them back.
 */
import type { EventSummary } from "@/lib/model/event";
import type { Logger } from "@/server/logger";
import type { EventStore, IngestedEvent } from "@/server/store/event-store";

const FLUSH_MS = 100;
const MAX_BUFFERED = 10_000;

export class StoreWriter {
  private events: IngestedEvent[] = [];
  private positions = new Map<string, string>();
  private readonly listeners = new Set<(events: readonly EventSummary[]) => void>();
  private readonly timer: NodeJS.Timeout;
  private failures = 0;

  constructor(
    private readonly store: EventStore,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  push(events: IngestedEvent[], partitionKey: string, next: string): void {
    for (const e of events) this.events.push(e);
    this.positions.set(partitionKey, next);
    if (this.events.length >= MAX_BUFFERED) this.flush();
  }

  /** Called with every stored batch, in order. */
  onStored(listener: (events: readonly EventSummary[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  flush(): void {
    if (this.events.length === 0 && this.positions.size === 0) return;
    const batch = { events: this.events, positions: this.positions };
    try {
      this.store.append(batch);
    } catch (error) {
      // Keep the batch and retry on the next tick (a full disk can recover). Past a bound, let the
      // buffer go *with* its positions: the store then still ends where it really ends, and a restart
      // re-reads the missing records from Kafka instead of leaving a gap.
      if (this.failures++ === 0)
        this.log.error({ err: error }, "could not write to the event store; retrying");
      if (this.events.length > MAX_BUFFERED * 10) {
        this.log.warn({ events: this.events.length }, "event store unavailable; dropped buffered events");
        this.events = [];
        this.positions = new Map();
      }
      return;
    }
    if (this.failures > 0) this.log.info({ failures: this.failures }, "the event store accepts writes again");
    this.failures = 0;
    this.events = [];
    this.positions = new Map();
    if (this.listeners.size === 0 || batch.events.length === 0) return;
    const summaries = batch.events.map((e) => e.summary);
    for (const listener of this.listeners) listener(summaries);
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
