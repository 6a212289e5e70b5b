/**
 * Newest-first listing with a filter on the PostgreSQL store: pages of rows in arrival order (within one
 * topic through its index when the filter names a topic), matched with the same filter code as the
 * embedded store, until the limit is met or the budget is spent — then the answer says how far back it
 * looked. The budget is wall time across round trips; the event loop only parses each page.
 */
import type { EventFilter } from "@/lib/api/events";
import { isEmptyFilter, matchesEventFilter } from "@/lib/events/match-filter";
import type { EventSummary } from "@/lib/model/event";
import type { ScanResult } from "@/server/store/event-store";
import { toSummary } from "@/server/store/postgres/rows";
import type { Pool } from "pg";

/** More than the embedded store's 40 ms: each page is a round trip to the database. */
export const PG_SCAN_BUDGET_MS = 250;
const PAGE = 1_000;
/**
 * Pages read before the budget can stop a scan: the newest 4,000 events are always searched, however slow
 * the database answers (on a loaded host three round trips took longer than the whole budget, and a
 * search found nothing). Waiting on the database does not hold the event loop; parsing a page is quick.
 */
const MIN_PAGES = 4;

export async function scanRecent(
  pool: Pool,
  filter: EventFilter,
  limit: number,
): Promise<ScanResult<EventSummary>> {
  const started = performance.now();
  const all = isEmptyFilter(filter);
  const items: EventSummary[] = [];
  let before: string | null = null;
  let oldestSeen: number | null = null;
  for (let pages = 1; ; pages++) {
    const pageSize = all ? Math.min(PAGE, limit - items.length) : PAGE;
    const { rows }: { rows: { seq: string; summary: string }[] } = await pool.query(
      `SELECT seq, summary FROM eventscope_events
       WHERE ($1::text IS NULL OR topic = $1) AND ($2::bigint IS NULL OR seq < $2)
       ORDER BY seq DESC LIMIT $3`,
      [filter.topic ?? null, before, pageSize],
    );
    for (const row of rows) {
      const event = toSummary(row);
      if (oldestSeen === null || event.timestamp < oldestSeen) oldestSeen = event.timestamp;
      if (all || matchesEventFilter(event, filter)) items.push(event);
      if (items.length >= limit) return { items, partial: false, scannedBackTo: null };
    }
    if (rows.length < pageSize) return { items, partial: false, scannedBackTo: null };
    before = rows.at(-1)!.seq;
    if (pages >= MIN_PAGES && performance.now() - started > PG_SCAN_BUDGET_MS)
      return { items, partial: true, scannedBackTo: oldestSeen };
  }
}
