/**
 * A map that forgets its oldest entries once the bytes it holds pass a budget. Entries are ordered by when
 * they were last set (a Map keeps insertion order; setting again moves the key to the end), so what stays
 * is what was seen most recently. Sizes are estimates supplied by the caller (strings count 2 bytes per
 * character plus the entry's own overhead), which is what keeps memory bounded by bytes, not by count.
 */
export class BoundedRecent<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private held = 0;

  constructor(
    private readonly budgetBytes: number,
    private readonly sizeOf: (key: string, value: V) => number,
    private readonly onEvict?: (key: string, value: V) => void,
  ) {}

  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const bytes = this.sizeOf(key, value);
    this.entries.set(key, { value, bytes });
    this.held += bytes;
    while (this.held > this.budgetBytes && this.entries.size > 1) {
      const [oldest, entry] = this.entries.entries().next().value as [string, { value: V; bytes: number }];
      this.entries.delete(oldest);
      this.held -= entry.bytes;
      this.onEvict?.(oldest, entry.value);
    }
  }

  /** Grows an entry's size after its value was changed in place (e.g. an appended list). */
  grow(key: string, bytes: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.bytes += bytes;
    this.held += bytes;
  }

  delete(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.held -= entry.bytes;
    return entry.value;
  }

  /** Oldest first. */
  values(): IterableIterator<V> {
    return [...this.entries.values()].map((e) => e.value)[Symbol.iterator]();
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.held;
  }
}

/** Estimated heap bytes of a string (UTF-16) with its header. */
export const stringBytes = (s: string | null) => (s === null ? 0 : 24 + s.length * 2);
