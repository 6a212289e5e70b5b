/**
 * Runs a batch's messages concurrently across keys and in order within a key (the "parallel consumer"
 * pattern): each key is one order or user, whose messages must be handled one after another, while
 * different orders do not wait for each other. Without it a partition handles one message per produce
 * round trip, which caps the whole shop at a few dozen orders per second.
 *
 * Once an item fails or asks to stop, no new item starts and later items of its key never run. Callers
 * resolve offsets only up to the first item that did not complete, so anything after it is delivered
 * again (handlers are idempotent for that).
 */
export type Outcome<R> =
  { state: "done"; value: R } | { state: "failed"; error: unknown } | { state: "not-run" };

export interface KeyOrderedOptions<T, R> {
  keyOf(item: T): string;
  /** How many items may run at once (read before each start, so it may change). */
  limit(): number;
  /** Checked before each start: false stops the batch (shutdown, rebalance, paused consumer). */
  canStart(): boolean;
  /** False for a completed item after which nothing more may start (a deferred retry). */
  isComplete(value: R): boolean;
}

export async function runKeyOrdered<T, R>(
  items: readonly T[],
  options: KeyOrderedOptions<T, R>,
  work: (item: T) => Promise<R>,
): Promise<Outcome<R>[]> {
  const outcomes: Outcome<R>[] = items.map(() => ({ state: "not-run" }));
  const tails = new Map<string, Promise<boolean>>();
  const waiting: (() => void)[] = [];
  let active = 0;
  let stopped = false;
  const mayStart = () => !stopped && options.canStart();

  const acquire = async () => {
    while (active >= Math.max(1, options.limit())) await new Promise<void>((r) => waiting.push(r));
    active += 1;
  };
  const release = () => {
    active -= 1;
    waiting.shift()?.();
  };

  const runs = items.map((item, i) => {
    const key = options.keyOf(item);
    const previous = tails.get(key) ?? Promise.resolve(true);
    const run = previous.then(async (previousCompleted) => {
      if (!previousCompleted || !mayStart()) return false;
      await acquire();
      try {
        if (!mayStart()) return false;
        const value = await work(item);
        outcomes[i] = { state: "done", value };
        if (!options.isComplete(value)) stopped = true;
        return options.isComplete(value);
      } catch (error) {
        outcomes[i] = { state: "failed", error };
        stopped = true;
        return false;
      } finally {
        release();
      }
    });
    tails.set(key, run);
    return run;
  });
  await Promise.all(runs);
  return outcomes;
}
