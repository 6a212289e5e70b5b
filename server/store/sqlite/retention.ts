/**
 * Retention of the embedded store, oldest first, within a time budget per run (it runs every second, so
 * a large backlog is worked off in steps and never holds the event loop):
 * - by age: rows older than the retention leave from the low end of arrival order;
 * - by disk budget: when the store's pages exceed the budget, payload blocks go first while payloads
 *   hold more than their share (their events stay findable, and the drawer says the payload expired),
 *   then the oldest rows.
 */
import type { SqliteEventStore } from "@/server/store/sqlite/sqlite-event-store";

const CHUNK = 5_000;
const BUDGET_MS = 30;
/** Payloads may fill this share of the disk budget before they are dropped ahead of their rows. */
const PAYLOAD_SHARE = 0.6;

export function enforceRetention(store: SqliteEventStore, now: number): number {
  const { db, counters, options } = store;
  const started = performance.now();
  const inBudget = () => performance.now() - started < BUDGET_MS;
  const minSeq = () => (db.prepare("SELECT min(seq) AS s FROM events").get() as { s: number | null }).s;
  const usedBytes = () => {
    const pages = db.pragma("page_count", { simple: true }) as number;
    const free = db.pragma("freelist_count", { simple: true }) as number;
    return (pages - free) * (db.pragma("page_size", { simple: true }) as number);
  };

  const deleteRows = db.transaction((from: number, to: number, cutoff: number) => {
    const groups = db
      .prepare(
        "SELECT topic, service, count(*) AS n FROM events WHERE seq >= ? AND seq < ? AND ts < ? GROUP BY topic, service",
      )
      .all(from, to, cutoff) as { topic: number; service: number; n: number }[];
    db.prepare("DELETE FROM events WHERE seq >= ? AND seq < ? AND ts < ?").run(from, to, cutoff);
    counters.evictedRows(new Map(groups.map((g) => [`${g.topic}:${g.service}`, g.n])));
    // Blocks older than the oldest remaining row's serve no stored event any more.
    const oldest = db.prepare("SELECT block FROM events ORDER BY seq LIMIT 1").get() as
      { block: number } | undefined;
    const below = oldest?.block ?? Number.MAX_SAFE_INTEGER;
    const { bytes } = db
      .prepare("SELECT coalesce(sum(length(data)), 0) AS bytes FROM blocks WHERE id < ?")
      .get(below) as { bytes: number };
    db.prepare("DELETE FROM blocks WHERE id < ?").run(below);
    counters.droppedBlocks(bytes, 0);
    return groups.reduce((n, g) => n + g.n, 0);
  });

  const dropOldestBlocks = db.transaction((count: number) => {
    const blocks = db
      .prepare("SELECT id, events, length(data) AS bytes FROM blocks ORDER BY id LIMIT ?")
      .all(count) as { id: number; events: number; bytes: number }[];
    const last = blocks.at(-1);
    if (!last) return 0;
    db.prepare("DELETE FROM blocks WHERE id <= ?").run(last.id);
    counters.droppedBlocks(
      blocks.reduce((n, b) => n + b.bytes, 0),
      blocks.reduce((n, b) => n + b.events, 0),
    );
    return blocks.length;
  });

  let evicted = 0;
  const cutoff = now - options.retentionMs;
  while (inBudget()) {
    const min = minSeq();
    if (min === null) break;
    const { old, total } = db
      .prepare("SELECT count(*) AS total, sum(ts < ?) AS old FROM events WHERE seq >= ? AND seq < ?")
      .get(cutoff, min, min + CHUNK) as { old: number | null; total: number };
    // Stop where the oldest rows are mostly still inside the window (a skewed producer clock must not
    // keep the loop going, nor make recent rows leave early).
    if (!old || old * 2 < total) break;
    evicted += deleteRows(min, min + CHUNK, cutoff);
  }

  while (inBudget() && usedBytes() > options.diskBudgetBytes) {
    const blockCount = (db.prepare("SELECT count(*) AS n FROM blocks").get() as { n: number }).n;
    if (counters.payloadBytes > options.diskBudgetBytes * PAYLOAD_SHARE && blockCount > 1) {
      dropOldestBlocks(Math.max(1, Math.ceil(blockCount / 20)));
      continue;
    }
    const min = minSeq();
    if (min === null) break;
    evicted += deleteRows(min, min + CHUNK, Number.MAX_SAFE_INTEGER);
  }
  return evicted;
}
