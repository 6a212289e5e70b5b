/**
 * Newest-first listing with a filter, bounded by SCAN_BUDGET_MS. A topic filter walks that topic's
 * partitions backwards through the (topic, partition, offset) index, so a quiet topic next to a busy one
 * is found at once; anything else walks arrival order backwards. Either way the scan stops at its budget
 * and says how far back it looked.
 */
import type { EventFilter } from "@/lib/api/events";
import { isEmptyFilter, matchesEventFilter } from "@/lib/events/match-filter";
import type { EventSummary } from "@/lib/model/event";
import { SCAN_BUDGET_MS, type ScanResult } from "@/server/store/event-store";
import { NameKind } from "@/server/store/sqlite/name-table";
import { ROW_COLUMNS, type EventRow, fromRow } from "@/server/store/sqlite/row-codec";
import type { SqliteEventStore } from "@/server/store/sqlite/sqlite-event-store";

const CHECK_EVERY = 256;

export function scanRecent(
  store: SqliteEventStore,
  filter: EventFilter,
  limit: number,
): ScanResult<EventSummary> {
  const started = performance.now();
  const all = isEmptyFilter(filter);
  let partial = false;
  let oldestSeen: number | null = null;

  const walk = (rows: IterableIterator<unknown>, out: EventSummary[], budgetMs: number) => {
    let n = 0;
    for (const row of rows as IterableIterator<EventRow>) {
      const event = fromRow(row, store.names);
      if (oldestSeen === null || event.timestamp < oldestSeen) oldestSeen = event.timestamp;
      if (all || matchesEventFilter(event, filter)) out.push(event);
      if (out.length >= limit) return;
      if (++n % CHECK_EVERY === 0 && performance.now() - started > budgetMs) {
        partial = true;
        return;
      }
    }
  };

  if (filter.topic) {
    const topic = store.names.find(NameKind.Topic, filter.topic);
    if (topic === undefined) return { items: [], partial: false, scannedBackTo: null };
    const partitions = store.partitionsOf(filter.topic);
    const found: EventSummary[] = [];
    const statement = store.db.prepare(
      `SELECT ${ROW_COLUMNS} FROM events WHERE topic = ? AND part = ? ORDER BY off DESC`,
    );
    partitions.forEach((partition, i) => {
      const out: EventSummary[] = [];
      // Partition i may run until its equal share of the budget is used up.
      walk(statement.iterate(topic, partition), out, (SCAN_BUDGET_MS * (i + 1)) / partitions.length);
      found.push(...out);
    });
    found.sort((a, b) => b.timestamp - a.timestamp);
    return { items: found.slice(0, limit), partial, scannedBackTo: partial ? oldestSeen : null };
  }

  const out: EventSummary[] = [];
  walk(
    store.db.prepare(`SELECT ${ROW_COLUMNS} FROM events ORDER BY seq DESC`).iterate(),
    out,
    SCAN_BUDGET_MS,
  );
  return { items: out, partial, scannedBackTo: partial ? oldestSeen : null };
}
