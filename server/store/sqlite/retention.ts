/**
 * Retention of the embedded store, oldest event time first, within a time budget per run (it runs every
 * second, so a large backlog is worked off in steps and never holds the event loop):
 * - by age: events older than the retention leave, found through the timestamp index (arrival order is
 *   not time order while a backlog is being read, so it cannot be used);
 * - by disk budget: when the store's pages exceed the budget, payload blocks go first (oldest written
 *   first) while payloads hold more than their share — their events stay findable and the drawer says
 *   the payload expired — then the oldest events.
 * Payload blocks are written in arrival order, so every block older than the block of the oldest
 * remaining row (by arrival) serves no event any more and is removed too.
 */
import type Database from "better-sqlite3";
import type { StoreCounters } from "@/server/store/sqlite/store-counters";

export interface RetentionLimits {
  retentionMs: number;
  diskBudgetBytes: number;
}

const CHUNK = 5_000;
const BUDGET_MS = 30;
/** Payloads may fill this share of the disk budget before they are dropped ahead of their rows. */
const PAYLOAD_SHARE = 0.6;

export function enforceRetention(
  db: Database.Database,
  counters: StoreCounters,
  options: RetentionLimits,
  now: number,
): number {
  const started = performance.now();
  const inBudget = () => performance.now() - started < BUDGET_MS;
  const usedBytes = () => {
    const pages = db.pragma("page_count", { simple: true }) as number;
    const free = db.pragma("freelist_count", { simple: true }) as number;
    return (pages - free) * (db.pragma("page_size", { simple: true }) as number);
  };

  /** Deletes the `CHUNK` oldest events older than `cutoff`; returns how many went. */
  const deleteOldest = db.transaction((cutoff: number) => {
    const oldest = "SELECT seq FROM events WHERE ts < ? ORDER BY ts LIMIT ?";
    const groups = db
      .prepare(
        `SELECT topic, service, count(*) AS n FROM events WHERE seq IN (${oldest}) GROUP BY topic, service`,
      )
      .all(cutoff, CHUNK) as { topic: number; service: number; n: number }[];
    if (groups.length === 0) return 0;
    db.prepare(`DELETE FROM events WHERE seq IN (${oldest})`).run(cutoff, CHUNK);
    counters.evictedRows(new Map(groups.map((g) => [`${g.topic}:${g.service}`, g.n])));
    const first = db.prepare("SELECT block FROM events ORDER BY seq LIMIT 1").get() as
      { block: number } | undefined;
    const below = first?.block ?? Number.MAX_SAFE_INTEGER;
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
    if (!last) return;
    db.prepare("DELETE FROM blocks WHERE id <= ?").run(last.id);
    counters.droppedBlocks(
      blocks.reduce((n, b) => n + b.bytes, 0),
      blocks.reduce((n, b) => n + b.events, 0),
    );
  });

  let evicted = 0;
  const cutoff = now - options.retentionMs;
  while (inBudget()) {
    const n = deleteOldest(cutoff);
    evicted += n;
    if (n < CHUNK) break;
  }
  while (inBudget() && usedBytes() > options.diskBudgetBytes) {
    const blockCount = (db.prepare("SELECT count(*) AS n FROM blocks").get() as { n: number }).n;
    if (counters.payloadBytes > options.diskBudgetBytes * PAYLOAD_SHARE && blockCount > 1) {
      dropOldestBlocks(Math.max(1, Math.ceil(blockCount / 20)));
      continue;
    }
    const n = deleteOldest(Number.MAX_SAFE_INTEGER);
    if (n === 0) break;
    evicted += n;
  }
  return evicted;
}
