/**
 * How far a consumer has read each partition, from kafkajs' END_BATCH_PROCESS events (which also fire
 * for batches of only transaction markers, so a read_committed consumer still reaches the end of a
 * transactional topic). "Caught up" means every partition's position reached the end offsets measured
 * at some moment: everything committed before then has been handled.
 */
import type { Admin, Consumer } from "kafkajs";

export interface PartitionEnd {
  topic: string;
  partition: number;
  /** Offset of the next record to be written (high watermark / last stable offset). */
  end: bigint;
  low: bigint;
}

const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export class ConsumerProgress {
  private readonly positions = new Map<string, bigint>();
  private readonly waiters = new Set<() => void>();

  constructor(consumer: Consumer) {
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      this.advance(payload.topic, payload.partition, BigInt(payload.lastOffset) + 1n);
    });
  }

  advance(topic: string, partition: number, next: bigint): void {
    const k = key(topic, partition);
    if ((this.positions.get(k) ?? -1n) >= next) return;
    this.positions.set(k, next);
    for (const w of [...this.waiters]) w();
  }

  reached(ends: readonly PartitionEnd[]): boolean {
    return ends.every(
      (e) => e.end <= e.low || (this.positions.get(key(e.topic, e.partition)) ?? -1n) >= e.end,
    );
  }

  /** Resolves true once every end is reached, false after `timeoutMs`. */
  waitFor(ends: readonly PartitionEnd[], timeoutMs: number): Promise<boolean> {
    if (this.reached(ends)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (!this.reached(ends)) return;
        done(true);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(ok);
      };
      this.waiters.add(check);
    });
  }
}

/** End offsets of every partition of `topics` now (read_committed: the last stable offset). */
export async function endOffsets(admin: Admin, topics: readonly string[]): Promise<PartitionEnd[]> {
  const all = await Promise.all(
    topics.map(async (topic) =>
      (await admin.fetchTopicOffsets(topic)).map((p) => ({
        topic,
        partition: p.partition,
        end: BigInt(p.high),
        low: BigInt(p.low),
      })),
    ),
  );
  return all.flat();
}
