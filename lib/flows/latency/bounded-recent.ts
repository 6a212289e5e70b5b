/**
 * A map that forgets its oldest entries once the bytes it holds pass a budget. Entries are ordered by when
 * they were last set (a Map keeps insertion order; setting again moves the key to the end), so what stays
 * is what was seen most recently. Sizes are estimates supplied by the caller (strings count 2 bytes per
 * character plus the entry's own overhead), which is what keeps memory bounded by bytes, not by count.
 */
interface Entry<V> {
  key: string;
  value: V;
  bytes: number;
}

export class BoundedRecent<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /**
   * Entries in the order they were set; one whose key was set again or deleted is stale and eviction
   * skips it. Kept apart from the Map because finding a Map's first live entry walks over every entry
   * deleted before it, which made eviction cost grow with the churn.
   */
  private order: (Entry<V> | undefined)[] = [];
  private head = 0;
  private held = 0;

  constructor(
    private readonly budgetBytes: number,
    private readonly sizeOf: (key: string, value: V) => number,
  ) {}

  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const bytes = this.sizeOf(key, value);
    const entry = { key, value, bytes };
    this.entries.set(key, entry);
    this.order.push(entry);
    this.held += bytes;
    while (this.held > this.budgetBytes && this.entries.size > 1) {
      const oldest = this.order[this.head];
      // Cleared as it is passed: until the array is trimmed, its slot would keep a forgotten value alive.
      this.order[this.head++] = undefined;
      if (!oldest) break;
      if (this.entries.get(oldest.key) !== oldest) continue;
      this.entries.delete(oldest.key);
      this.held -= oldest.bytes;
    }
    if (this.order.length - this.head > 2 * this.entries.size + 1_024) this.compact();
    else if (this.head > 1_024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
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

  private compact(): void {
    this.order = [...this.entries.values()];
    this.head = 0;
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
