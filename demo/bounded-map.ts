/**
 * A Map that forgets its oldest entries beyond a size cap. The services keep their state in memory
 * (orders, payments, reservations); at 50 orders/s an unbounded Map would grow by gigabytes a day.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly maxSize: number) {
    super();
  }

  override set(key: K, value: V): this {
    // Re-inserting moves the key to the newest end, so "oldest" means least recently written.
    if (super.has(key)) super.delete(key);
    super.set(key, value);
    while (this.size > this.maxSize) {
      const oldest = this.keys().next();
      if (oldest.done) break;
      super.delete(oldest.value);
    }
    return this;
  }
}
