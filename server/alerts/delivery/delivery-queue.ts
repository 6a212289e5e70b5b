/**
 * A bounded, de-duplicating send queue for one receiver. Items go out one at a time, in order; a failed
 * send is retried with exponential backoff (the queue waits, nothing else does); after `maxAttempts` the
 * item is dropped and logged. When the queue is full the oldest item is dropped, so a receiver that is
 * down for hours costs a fixed amount of memory. Enqueueing never waits: evaluation and ingest go on.
 */
import type { Logger } from "@/server/logger";

export interface DeliveryOptions {
  /** Per request. */
  timeoutMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  maxQueued: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  timeoutMs: 5_000,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxAttempts: 12,
  maxQueued: 1_000,
};

export interface DeliveryStats {
  queued: number;
  sent: number;
  failedAttempts: number;
  dropped: number;
}

interface Item<T> {
  key: string;
  payload: T;
  attempts: number;
}

export class DeliveryQueue<T> {
  private readonly items: Item<T>[] = [];
  /** Keys already sent or queued: the same notification is never delivered twice. */
  private readonly seen = new Set<string>();
  private readonly seenOrder: string[] = [];
  private busy = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly stats: DeliveryStats = { queued: 0, sent: 0, failedAttempts: 0, dropped: 0 };

  constructor(
    readonly target: string,
    private readonly send: (payload: T, timeoutMs: number) => Promise<void>,
    private readonly options: DeliveryOptions,
    private readonly log: Logger,
  ) {}

  /**
   * Queues a notification once per `key`. With `replace`, an item still waiting under the same key is
   * replaced by the newer payload instead (for periodic refreshes, where only the latest matters).
   */
  enqueue(key: string, payload: T, replace = false): void {
    if (this.stopped) return;
    if (replace) {
      const waiting = this.items.find((i, index) => i.key === key && (index > 0 || !this.busy));
      if (waiting) {
        waiting.payload = payload;
        return;
      }
    } else {
      if (this.seen.has(key)) return;
      this.remember(key);
    }
    if (this.items.length >= this.options.maxQueued) {
      const oldest = this.busy ? this.items.splice(1, 1)[0] : this.items.shift();
      if (oldest) {
        this.stats.dropped += 1;
        this.log.warn(
          { target: this.target, key: oldest.key },
          "alert delivery queue full; dropped the oldest",
        );
      }
    }
    this.items.push({ key, payload, attempts: 0 });
    this.stats.queued = this.items.length;
    this.pump();
  }

  private remember(key: string): void {
    this.seen.add(key);
    this.seenOrder.push(key);
    if (this.seenOrder.length > this.options.maxQueued * 10) this.seen.delete(this.seenOrder.shift() ?? "");
  }

  private pump(): void {
    if (this.busy || this.stopped || this.timer) return;
    const item = this.items[0];
    if (!item) return;
    this.busy = true;
    item.attempts += 1;
    this.send(item.payload, this.options.timeoutMs).then(
      () => {
        this.busy = false;
        this.items.shift();
        this.stats.sent += 1;
        this.stats.queued = this.items.length;
        this.pump();
      },
      (error: unknown) => {
        this.busy = false;
        this.stats.failedAttempts += 1;
        const message = error instanceof Error ? error.message : String(error);
        if (item.attempts >= this.options.maxAttempts) {
          this.items.shift();
          this.stats.dropped += 1;
          this.stats.queued = this.items.length;
          this.log.error(
            { target: this.target, key: item.key, attempts: item.attempts, error: message },
            "alert delivery gave up",
          );
          this.pump();
          return;
        }
        const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (item.attempts - 1));
        this.log.warn(
          { target: this.target, attempts: item.attempts, retryInMs: delay, error: message },
          "alert delivery failed; retrying",
        );
        this.timer = setTimeout(() => {
          this.timer = null;
          this.pump();
        }, delay);
      },
    );
  }

  snapshot(): DeliveryStats {
    return { ...this.stats };
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
