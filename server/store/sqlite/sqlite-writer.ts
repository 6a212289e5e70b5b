/**
 * The one writer of an embedded store: inserts batches (rows, their payload block, the partitions' next
 * offsets) in one transaction each, and applies retention. It owns the names and the counters; readers on
 * other connections take the counters from what each write returns. Runs on the store's writer thread
 * (see write-worker.ts), or on the main thread for the in-memory store.
 */
import type Database from "better-sqlite3";
import type { EventSummary } from "@/lib/model/event";
import { parsePartitionKey } from "@/lib/model/record-id";
import { compressBlock } from "@/server/store/sqlite/payload-block";
import { NameTable } from "@/server/store/sqlite/name-table";
import { enforceRetention, type RetentionLimits } from "@/server/store/sqlite/retention";
import { ROW_COLUMNS, toRowParams } from "@/server/store/sqlite/row-codec";
import { SEGMENT_EVENTS } from "@/server/store/sqlite/schema";
import { type CounterSnapshot, StoreCounters } from "@/server/store/sqlite/store-counters";

/** A batch as it crosses to the writer: summaries, their payloads serialised into one buffer, positions. */
export interface WireBatch {
  summaries: EventSummary[];
  /** serializePayloads() of the batch's payloads, in the same order; empty when there are no events. */
  payloads: Uint8Array;
  positions: [string, string][];
}

export interface WriterOptions extends RetentionLimits {
  /** Events per id-index segment; SEGMENT_EVENTS unless a test makes segments small. */
  segmentEvents?: number;
}

export interface WriteResult {
  counters: CounterSnapshot;
  /** Events removed by a retention step (0 for an append). */
  evicted: number;
}

export class SqliteWriter {
  private readonly names: NameTable;
  readonly counters: StoreCounters;
  private readonly writeBatch: (batch: WireBatch) => void;
  /** The next row's seq, assigned here so that its index segment (seq / segmentEvents) is known. */
  private nextSeq: number;
  /** The last row's segment: a row's segment never goes below it, so segments rise with seq. */
  private segment: number;

  constructor(
    private readonly db: Database.Database,
    private readonly limits: WriterOptions,
  ) {
    this.names = new NameTable(db);
    this.counters = new StoreCounters(db);
    const segmentEvents = limits.segmentEvents ?? SEGMENT_EVENTS;
    const last = db.prepare("SELECT seq, sg FROM events ORDER BY seq DESC LIMIT 1").get() as
      { seq: number; sg: number } | undefined;
    this.nextSeq = (last?.seq ?? 0) + 1;
    this.segment = last?.sg ?? 0;
    // Only a record stored before (a re-read fetch) is skipped; any other conflict fails the write loudly.
    const insertRow = db.prepare(
      `INSERT INTO events (seq, sg, ${ROW_COLUMNS}, trace_h, corr_h, msg_h, caus_h) VALUES (${Array(27).fill("?").join(", ")})
       ON CONFLICT (topic, part, off) DO NOTHING`,
    );
    const insertBlock = db.prepare("INSERT INTO blocks (events, data) VALUES (?, ?)");
    const upsertPosition = db.prepare(
      "INSERT INTO positions (topic, part, next) VALUES (?, ?, ?) ON CONFLICT (topic, part) DO UPDATE SET next = excluded.next",
    );
    this.writeBatch = db.transaction((batch: WireBatch) => {
      let block = 0;
      let blockBytes = 0;
      if (batch.summaries.length > 0) {
        const data = compressBlock(batch.payloads);
        block = Number(insertBlock.run(batch.summaries.length, data).lastInsertRowid);
        blockBytes = data.length;
      }
      const added = new Map<string, number>();
      batch.summaries.forEach((summary, i) => {
        const params = toRowParams(summary, this.names, block, i);
        const seq = this.nextSeq;
        const segment = Math.max(this.segment, Math.floor(seq / segmentEvents));
        if (insertRow.run(seq, segment, params).changes === 0) return;
        this.nextSeq++;
        this.segment = segment;
        const pair = `${params[0] as number}:${params[6] as number}`;
        added.set(pair, (added.get(pair) ?? 0) + 1);
      });
      for (const [key, next] of batch.positions) {
        const { topic, partition } = parsePartitionKey(key);
        upsertPosition.run(topic, partition, next);
      }
      this.counters.added(added, blockBytes);
    });
  }

  append(batch: WireBatch): WriteResult {
    this.writeBatch(batch);
    return { counters: this.counters.snapshot(), evicted: 0 };
  }

  setMeta(key: string, value: string): WriteResult {
    this.db
      .prepare(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(key, value);
    return { counters: this.counters.snapshot(), evicted: 0 };
  }

  retention(now: number): WriteResult {
    const evicted = enforceRetention(this.db, this.counters, this.limits, now);
    return { counters: this.counters.snapshot(), evicted };
  }
}
