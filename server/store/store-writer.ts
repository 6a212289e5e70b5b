/**
 * Batches the collector's output into store transactions of about WRITE_EVENTS events, applied in order.
 * The embedded store writes on its own thread and accepts a few transactions in flight: while it inserts
 * one, this thread already hands it the next, so neither thread waits for the other. The in-memory store
 * writes on this one, where a turn of the event loop between transactions keeps a burst of ingest from
 * holding the server.
 * Fetched batches are written whole, each with its partition's next offset, so the stored position of a
 * partition always matches what the store holds.
 *
 * `push` resolves once the backlog (waiting and in flight) holds fewer bytes than its bound: the
 * collector awaits it, so a store that cannot keep up slows reading from Kafka instead of growing memory.
 * The bound is in bytes, not events, because one record may be a few bytes or several megabytes.
 * Listeners hear of events once they are stored, so anything that reacts (a watched trace) can read them
 * back.
 */
import type { EventSummary } from "@/lib/model/event";
import type { Logger } from "@/server/logger";
import type { EventStore, IngestedEvent } from "@/server/store/event-store";

/** Events per transaction: large enough to amortise the commit, small enough to stay a few ms. */
const WRITE_EVENTS = 1_000;
/** Record bytes per transaction at most (one larger record still goes alone). */
const WRITE_BYTES = 8 << 20;
/**
 * What a buffered event costs beyond its record's own bytes: its summary's strings and objects and the
 * Kafka client's message objects. Measured from a heap snapshot of the server reading ~1 kB records with
 * a full backlog: about 3.4 kB per buffered event above the records' bytes.
 */
export const BUFFERED_EVENT_OVERHEAD_BYTES = 3_500;
/** Default bound of the backlog when none is given (the collector passes one from the memory budget). */
const DEFAULT_MAX_BACKLOG_BYTES = 32 << 20;

const bufferedBytes = (event: IngestedEvent) => event.summary.size + BUFFERED_EVENT_OVERHEAD_BYTES;
const sumBytes = (events: readonly IngestedEvent[]) => events.reduce((n, e) => n + bufferedBytes(e), 0);
/** How long to wait before retrying after a failed write (a full disk, a locked file). */
const RETRY_MS = 1_000;

interface PendingBatch {
  events: IngestedEvent[];
  bytes: number;
  partitionKey: string;
  next: string;
}

/** One transaction handed to the store and not yet answered. */
interface InFlight {
  batches: PendingBatch[];
  events: IngestedEvent[];
  bytes: number;
  outcome: "waiting" | "stored" | "failed";
}

export class StoreWriter {
  private readonly pending: PendingBatch[] = [];
  private readonly inFlight: InFlight[] = [];
  private readonly depth: number;
  /** Bytes of the events pushed and not yet stored (waiting or in flight). */
  private backlogBytes = 0;
  private stopped = false;
  /** Set while a failed write waits for the transactions after it to settle and for its retry. */
  private recovering = false;
  private failures = 0;
  private sendScheduled = false;
  private readonly waiters: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private readonly listeners = new Set<(events: readonly EventSummary[]) => void>();

  constructor(
    private readonly store: EventStore,
    private readonly log: Logger,
    private readonly maxBacklogBytes = DEFAULT_MAX_BACKLOG_BYTES,
  ) {
    this.depth = Math.max(1, store.concurrentAppends ?? 1);
  }

  push(events: IngestedEvent[], partitionKey: string, next: string): Promise<void> {
    const bytes = sumBytes(events);
    this.pending.push({ events, bytes, partitionKey, next });
    this.backlogBytes += bytes;
    this.scheduleSend();
    if (this.backlogBytes < this.maxBacklogBytes) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Called with every stored transaction's events, in order. */
  onStored(listener: (events: readonly EventSummary[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private scheduleSend(delayMs = 0): void {
    if (this.sendScheduled) return;
    this.sendScheduled = true;
    const run = () => {
      this.sendScheduled = false;
      this.fill();
      this.notifyIdle();
    };
    if (delayMs > 0) setTimeout(run, delayMs).unref();
    else setImmediate(run);
  }

  /** Hands the store transactions until `depth` are in flight or nothing is left to write. */
  private fill(): void {
    while (!this.recovering && this.inFlight.length < this.depth && this.pending.length > 0) {
      this.send();
    }
  }

  private send(): void {
    let take = 0;
    let count = 0;
    let bytes = 0;
    while (take < this.pending.length) {
      const next = this.pending[take]!;
      if (take > 0 && (count + next.events.length > WRITE_EVENTS || bytes + next.bytes > WRITE_BYTES)) break;
      count += next.events.length;
      bytes += next.bytes;
      take++;
    }
    const batches = this.pending.splice(0, take);
    const events = batches.length === 1 ? batches[0]!.events : batches.flatMap((b) => b.events);
    const positions = new Map(batches.map((b) => [b.partitionKey, b.next]));
    const entry: InFlight = { batches, events, bytes, outcome: "waiting" };
    this.inFlight.push(entry);
    this.store.append({ events, positions }).then(
      () => this.settle(entry, "stored"),
      (error: unknown) => {
        // Retried until it works: the store is a cache of Kafka, and the positions it keeps never run
        // ahead of what it holds, so nothing is lost — reading just waits (through the backlog) meanwhile.
        if (this.failures++ === 0)
          this.log.error({ err: error }, "could not write to the event store; retrying");
        this.settle(entry, "failed");
      },
    );
  }

  /** Takes answers in the order the transactions were sent; a failure puts it and every later one back. */
  private settle(entry: InFlight, outcome: "stored" | "failed"): void {
    entry.outcome = outcome;
    if (outcome === "failed") this.recovering = true;
    // Transactions answered ahead of a failed one are stored: they are confirmed whatever follows them.
    while (this.inFlight[0]?.outcome === "stored") this.stored(this.inFlight.shift()!);
    if (this.recovering) {
      if (this.inFlight.some((e) => e.outcome === "waiting")) return;
      // A store that takes several transactions at once refuses every one after a failure, so from the
      // first failure on, all are written again, in their order.
      const retry = this.inFlight.splice(0).flatMap((e) => e.batches);
      this.pending.unshift(...retry);
      this.recovering = false;
      this.scheduleSend(RETRY_MS);
    } else {
      this.scheduleSend();
    }
    this.notifyIdle();
  }

  private notifyIdle(): void {
    if (this.inFlight.length === 0 && !this.sendScheduled)
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  private stored(entry: InFlight): void {
    if (this.failures > 0) this.log.info({ failures: this.failures }, "the event store accepts writes again");
    this.failures = 0;
    this.backlogBytes -= entry.bytes;
    if (this.backlogBytes < this.maxBacklogBytes) this.waiters.splice(0).forEach((resolve) => resolve());
    if (this.listeners.size > 0 && entry.events.length > 0) {
      const summaries = entry.events.map((e) => e.summary);
      for (const listener of this.listeners) listener(summaries);
    }
  }

  private idle(): Promise<void> {
    if (this.inFlight.length === 0 && !this.sendScheduled) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Writes what is still buffered (at shutdown, after the collector stopped), then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (;;) {
      await this.idle();
      if (this.pending.length === 0 || this.failures > 0) break;
      this.fill();
    }
    this.waiters.splice(0).forEach((resolve) => resolve());
  }
}
