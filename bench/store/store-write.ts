/**
 * store-write: what the embedded store's writer thread spends per event, without Kafka. The ingest
 * benchmark's records (traced ~1 kB JSON, summarised as the collector does) go through the store's own
 * writer (SqliteWriter.append: payload block, rows, ids, positions, counters; on this thread, so the time is
 * the writer's alone) into a fresh store file, in transactions of 1,000 as the collector writes them. Baseline,
 * interleaved transaction by transaction in the same run: the same rows' values inserted into a table of the
 * same columns without any index, no payloads — the floor of writing a row at all. Both are timed over the
 * last fifth of the rows too: a cost that grows with the store (an index whose inserts scatter) shows there.
 * The repetitions are separate stores and tables written side by side, each transaction made once and
 * written to every one of them in turn: making the records costs more than writing them, and this way the
 * machine's noise falls on all repetitions alike.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ingestOptions } from "@/lib/ingest/ingest-options";
import { summarizeRecord } from "@/lib/ingest/summarize-record";
import type { RawRecord } from "@/lib/model/raw-record";
import { serializePayloads } from "@/server/store/sqlite/payload-block";
import { ROW_COLUMNS, toRowParams } from "@/server/store/sqlite/row-codec";
import { openStoreFile } from "@/server/store/sqlite/open-database";
import { SqliteWriter, type WireBatch } from "@/server/store/sqlite/sqlite-writer";
import { NameTable } from "@/server/store/sqlite/name-table";
import { DEFAULT_MEMORY_MB, memoryPlan } from "@/server/memory-budget";
import type { Benchmark } from "../support/benchmark";
import { figure } from "../support/figure";
import { tracedRecord } from "../support/records";
import { round } from "../support/stats";

const PARTITIONS = 6;
const TRANSACTION = 1_000;
/** The writer's page cache as the server has it: half the store's share of the default memory budget. */
const CACHE_BYTES = Math.floor(memoryPlan(DEFAULT_MEMORY_MB).sqliteCacheBytes / 2);
const enc = new TextEncoder();
const options = ingestOptions(["*.DLQ"]);

/** Transaction `t`'s records as the collector hands them on: one partition's consecutive offsets. */
function batch(t: number): WireBatch {
  const partition = t % PARTITIONS;
  const summaries = [];
  const payloads = [];
  for (let j = 0; j < TRANSACTION; j++) {
    const offset = Math.floor(t / PARTITIONS) * TRANSACTION + j;
    const m = tracedRecord(offset * PARTITIONS + partition, PARTITIONS, 1_700_000_000_000 + t);
    const raw: RawRecord = {
      topic: "bench-store",
      partition,
      offset: String(offset),
      timestamp: String(m.timestamp),
      key: enc.encode(String(m.key)),
      value: enc.encode(String(m.value)),
      headers: Object.entries(m.headers ?? {}).map(([key, v]) => ({ key, value: enc.encode(String(v)) })),
    };
    summaries.push(summarizeRecord(raw, options));
    payloads.push(raw);
  }
  const next = String((Math.floor(t / PARTITIONS) + 1) * TRANSACTION);
  return {
    summaries,
    payloads: serializePayloads(payloads),
    positions: [[`bench-store/${partition}`, next]],
  };
}

/** The floor: the same values into a table of the same columns, no index, no payload block. */
function plainTable(file: string) {
  const db = openStoreFile(file, CACHE_BYTES, () => undefined);
  db.exec(`CREATE TABLE plain AS SELECT ${ROW_COLUMNS}, trace_h, corr_h, msg_h, caus_h FROM events WHERE 0`);
  const names = new NameTable(db);
  const insert = db.prepare(`INSERT INTO plain VALUES (${Array(25).fill("?").join(", ")})`);
  const write = db.transaction((b: WireBatch) => {
    b.summaries.forEach((s, i) => insert.run(toRowParams(s, names, 0, i)));
  });
  return { write, close: () => db.close() };
}

export const storeWriteBench: Benchmark = {
  name: "store-write",
  description: "embedded store writer: events/s into the store vs plain inserts into an unindexed table",
  async run({ smoke, repetitions, log }) {
    const count = smoke ? 20_000 : 1_000_000;
    const dir = mkdtempSync(path.join(os.tmpdir(), "eventscope-bench-store-write-"));
    const runs = Array.from({ length: repetitions }, (_, rep) => {
      const db = openStoreFile(path.join(dir, `events-${rep}.db`), CACHE_BYTES, () => undefined);
      return {
        db,
        writer: new SqliteWriter(db, { retentionMs: 365 * 86_400_000, diskBudgetBytes: 1 << 40 }),
        plain: plainTable(path.join(dir, `plain-${rep}.db`)),
        ms: { store: 0, plain: 0, storeLast: 0, plainLast: 0 },
      };
    });
    const transactions = count / TRANSACTION;
    const lastFifth = Math.floor(transactions * 0.8);
    try {
      for (let t = 0; t < transactions; t++) {
        const b = batch(t);
        for (const { writer, plain, ms } of runs) {
          let started = performance.now();
          writer.append(b);
          const store = performance.now() - started;
          started = performance.now();
          plain.write(b);
          const floor = performance.now() - started;
          ms.store += store;
          ms.plain += floor;
          if (t >= lastFifth) {
            ms.storeLast += store;
            ms.plainLast += floor;
          }
        }
        if ((t + 1) % 100 === 0) {
          const perEvent = (spent: number) => round((spent * 1000) / ((t + 1) * TRANSACTION));
          log(
            `${(t + 1) * TRANSACTION} events: store ${runs.map((r) => perEvent(r.ms.store)).join(" / ")} µs/event, ` +
              `plain ${runs.map((r) => perEvent(r.ms.plain)).join(" / ")} µs/row`,
          );
        }
      }
      const perSec = (events: number, spent: number) => events / (spent / 1000);
      const lastEvents = (transactions - lastFifth) * TRANSACTION;
      const first = runs[0]!.db;
      const pages = first.pragma("page_count", { simple: true }) as number;
      const pageSize = first.pragma("page_size", { simple: true }) as number;
      const baselineWhat = "the same rows into a table of the same columns without index or payload";
      return {
        figures: [
          figure({
            name: "store writer: events/s",
            unit: "events/s",
            result: runs.map((r) => perSec(count, r.ms.store)),
            baseline: runs.map((r) => perSec(count, r.ms.plain)),
            baselineWhat,
          }),
          figure({
            name: "store writer: events/s over the last fifth",
            unit: "events/s",
            result: runs.map((r) => perSec(lastEvents, r.ms.storeLast)),
            baseline: runs.map((r) => perSec(lastEvents, r.ms.plainLast)),
            baselineWhat,
          }),
        ],
        details: {
          events: count,
          transaction: TRANSACTION,
          cacheBytes: CACHE_BYTES,
          storeUsPerEvent: runs.map((r) => round((r.ms.store * 1000) / count)),
          plainUsPerRow: runs.map((r) => round((r.ms.plain * 1000) / count)),
          bytesPerEvent: round((pages * pageSize) / count),
        },
      };
    } finally {
      for (const { db, plain } of runs) {
        db.close();
        plain.close();
      }
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
