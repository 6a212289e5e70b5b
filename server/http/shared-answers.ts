/**
 * Serialised answers of read-only routes whose answer is the same for every caller (recent traces, recent
 * events), kept for a few hundred milliseconds. Fifty browsers refreshing the same list at once then cost
 * one store scan and one JSON serialisation instead of fifty, each of which holds the event loop for up to
 * the scan budget; the answer is at most `maxAgeMs` older than a fresh one, far less than the UI's refresh
 * interval. Only successful answers are shared: a failure is computed again by the next caller.
 */

const MAX_ENTRIES = 256;

/**
 * How long the recent-events and recent-traces lists share an answer: short against the UI's refresh of
 * a few seconds, long enough that a burst of identical requests is computed once.
 */
export const LIST_SHARED_FOR_MS = 250;

interface Entry {
  at: number;
  text: Promise<string>;
}

export class SharedAnswers {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = performance.now.bind(performance)) {}

  /** The answer for `key` computed within the last `maxAgeMs` (or still being computed), else a new one. */
  get(key: string, maxAgeMs: number, compute: () => Promise<string>): Promise<string> {
    const at = this.now();
    const entry = this.entries.get(key);
    if (entry && at - entry.at <= maxAgeMs) return entry.text;
    const text = compute();
    const fresh = { at, text };
    this.entries.delete(key);
    this.entries.set(key, fresh);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    text.catch(() => {
      if (this.entries.get(key) === fresh) this.entries.delete(key);
    });
    return text;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** One key per path and query, whatever order the query's parameters came in. */
export function answerKey(url: URL): string {
  const params = [...url.searchParams].sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));
  return `${url.pathname}?${new URLSearchParams(params).toString()}`;
}
