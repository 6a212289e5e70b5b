/**
 * Recently computed trace summaries, so the traces list (which the UI refreshes every few seconds) does not
 * stitch the same traces again and again. An entry is dropped when an event of its trace is stored, and
 * is trusted only for FRESH_MS anyway, because a trace's status also changes with time alone
 * ("in progress" until it has been quiet a while). Bounded by count, oldest entry out first.
 */
import type { TraceSummary } from "@/lib/traces";

const MAX_ENTRIES = 5_000;
const FRESH_MS = 5_000;

export class SummaryCache {
  private readonly entries = new Map<string, { summary: TraceSummary; at: number }>();

  get(key: string, now: number): TraceSummary | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at > FRESH_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.summary;
  }

  set(key: string, summary: TraceSummary, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { summary, at: now });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  invalidate(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The cache key of a trace: its trace id, else its correlation id. */
export const traceCacheKey = (traceId: string | null, correlationId: string | null): string | null =>
  traceId ?? (correlationId === null ? null : `corr:${correlationId}`);
