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
  /** When the answer was ready; null while it is being computed (every caller meanwhile shares it). */
  readyAt: number | null;
  text: Promise<string>;
}

export class SharedAnswers {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = performance.now.bind(performance)) {}

  /**
   * The answer for `key` if it is still being computed or was ready within the last `maxAgeMs`, else a new
   * one. Age counts from when an answer was ready, so a slow computation is not started again and again
   * by callers that arrive while it runs.
   */
  get(key: string, maxAgeMs: number, compute: () => Promise<string>): Promise<string> {
    const entry = this.entries.get(key);
    if (entry && (entry.readyAt === null || this.now() - entry.readyAt <= maxAgeMs)) return entry.text;
    const fresh: Entry = { readyAt: null, text: compute() };
    this.entries.delete(key);
    this.entries.set(key, fresh);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    fresh.text.then(
      () => (fresh.readyAt = this.now()),
      () => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
      },
    );
    return fresh.text;
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
