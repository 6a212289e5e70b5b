/**
 * Counters the services bump as they work, logged as one info line per interval: at 50 orders/s a line
 * per message is debug noise, but "what happened in the last 30 s" is what a person watching wants.
 */
export class Stats {
  #counts = new Map<string, number>();

  count(name: string, by = 1): void {
    this.#counts.set(name, (this.#counts.get(name) ?? 0) + by);
  }

  /** The counts since the last call, sorted by name; empty when nothing happened. */
  take(): Record<string, number> {
    const counts = Object.fromEntries([...this.#counts].sort(([a], [b]) => a.localeCompare(b)));
    this.#counts = new Map();
    return counts;
  }
}
