/**
 * Batches the collector's output into store transactions of about WRITE_EVENTS events, one after another.
 * The embedded store writes on its own thread; the in-memory store writes on this one, where a turn of the
 * event loop between transactions keeps a burst of ingest from holding the server.
 * Fetched batches are written whole, each with its partition's next offset, so the stored position of a
 * partition always matches what the store holds.
 *
 * `push` resolves once the backlog is below MAX_BACKLOG: the collector awaits it, so a store that cannot
 * keep up slows reading from Kafka instead of growing memory. Listeners hear of events once they are
 * stored, so anything that reacts (a watched trace) can read them back.
 */
import type { EventSummary } from "@/lib/model/event";
import type { Logger } from "@/server/logger";
import type { EventStore, IngestedEvent } from "@/server/store/event-store";

/** Events per transaction: large enough to amortise the commit, small enough to stay a few ms. */
const WRITE_EVENTS = 1_000;
/** Buffered events beyond which the collector waits. */
const MAX_BACKLOG = 20_000;
/** How long to wait before retrying after a failed write (a full disk, a locked file). */
const RETRY_MS = 1_000;

interface PendingBatch {
  events: IngestedEvent[];
  partitionKey: string;
  next: string;
}

export class StoreWriter {
  private readonly pending: PendingBatch[] = [];
  private backlog = 0;
  private draining = false;
  private stopped = false;
  private failures = 0;
  private readonly waiters: (() => void)[] = [];
  private readonly listeners = new Set<(events: readonly EventSummary[]) => void>();

  constructor(
    private readonly store: EventStore,
    private readonly log: Logger,
  ) {}

  push(events: IngestedEvent[], partitionKey: string, next: string): Promise<void> {
    this.pending.push({ events, partitionKey, next });
    this.backlog += events.length;
    this.schedule();
    if (this.backlog < MAX_BACKLOG) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Called with every stored transaction's events, in order. */
  onStored(listener: (events: readonly EventSummary[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private schedule(delayMs = 0): void {
    if (this.draining || this.stopped) return;
    this.draining = true;
    const run = async () => {
      const wrote = await this.writeOne();
      this.draining = false;
      if (wrote) this.schedule();
      else if (this.pending.length > 0) this.schedule(RETRY_MS);
    };
    if (delayMs > 0) setTimeout(() => void run(), delayMs).unref();
    else setImmediate(() => void run());
  }

  /** Writes the next transaction's worth of batches; false when there was nothing to write or it failed. */
  private async writeOne(): Promise<boolean> {
    if (this.pending.length === 0) return false;
    let take = 0;
    let count = 0;
    while (
      take < this.pending.length &&
      (take === 0 || count + this.pending[take]!.events.length <= WRITE_EVENTS)
    )
      count += this.pending[take++]!.events.length;
    const batches = this.pending.slice(0, take);
    const events = batches.length === 1 ? batches[0]!.events : batches.flatMap((b) => b.events);
    const positions = new Map(batches.map((b) => [b.partitionKey, b.next]));
    try {
      await this.store.append({ events, positions });
    } catch (error) {
      // Retried until it works: the store is a cache of Kafka, and the positions it keeps never run ahead
      // of what it holds, so nothing is lost — reading just waits (through the backlog) meanwhile.
      if (this.failures++ === 0)
        this.log.error({ err: error }, "could not write to the event store; retrying");
      return false;
    }
    if (this.failures > 0) this.log.info({ failures: this.failures }, "the event store accepts writes again");
    this.failures = 0;
    this.pending.splice(0, take);
    this.backlog -= count;
    if (this.backlog < MAX_BACKLOG) this.waiters.splice(0).forEach((resolve) => resolve());
    if (this.listeners.size > 0 && events.length > 0) {
      const summaries = events.map((e) => e.summary);
      for (const listener of this.listeners) listener(summaries);
    }
    return true;
  }

  /** Writes what is still buffered (at shutdown, after the collector stopped), then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    while (this.draining) await new Promise((resolve) => setImmediate(resolve));
    while (await this.writeOne()) {
      /* drain */
    }
    this.waiters.splice(0).forEach((resolve) => resolve());
  }
}
