/**
 * One shared instance per distinct value. Topics and services repeat on every message, but each record's
 * headers are decoded into strings of their own: a pairer that remembers tens of thousands of messages
 * would otherwise hold as many copies of "payment-service". Bounded: past `max` distinct values, new ones
 * are used as they come (correct, only not shared), so a stream of unique values cannot grow it.
 */
export class InternPool<T> {
  private readonly values = new Map<string, T>();

  constructor(private readonly max: number) {}

  /** The shared instance for `key`, made by `make` the first time it is asked for. */
  get(key: string, make: () => T): T {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const value = make();
    if (this.values.size < this.max) this.values.set(key, value);
    return value;
  }
}
