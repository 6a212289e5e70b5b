/**
 * The embedded event store: SQLite through better-sqlite3, one file under the data folder (or in memory).
 * Writes come in batches from the collector: one transaction holds the rows, their payload block and the
 * partitions' next offsets, so after a crash or restart the store and its positions always agree and the
 * collector continues with no gap and no duplicate.
 */
import Database from "better-sqlite3";
import type { EventFilter } from "@/lib/api/events";
import type { EventSummary } from "@/lib/model/event";
import { parseRecordId, parsePartitionKey, formatPartitionKey } from "@/lib/model/record-id";
import {
  type EventStore,
  type IngestBatch,
  MAX_EVENTS_PER_KEY,
  type PayloadLookup,
  type ScanResult,
  SCAN_BUDGET_MS,
  type StoreStats,
  type TraceKey,
} from "@/server/store/event-store";
import { decodeBlockEntry, serializePayloads } from "@/server/store/sqlite/payload-block";
import { NameKind, NameTable } from "@/server/store/sqlite/name-table";
import type { SetAside } from "@/server/store/sqlite/open-database";
import { applySchema } from "@/server/store/sqlite/schema";
import { ROW_COLUMNS, type EventRow, fromRow } from "@/server/store/sqlite/row-codec";
import { StoreCounters } from "@/server/store/sqlite/store-counters";
import { type WriterChannel, inlineWriter, workerWriter } from "@/server/store/sqlite/writer-channel";
import { scanRecent } from "@/server/store/sqlite/scan-recent";
import { idHash } from "@/server/store/id-hash";

export interface SqliteStoreOptions {
  /** A file path, or ":memory:" for the in-memory backend. */
  path: string;
  retentionMs: number;
  diskBudgetBytes: number;
  /** SQLite's page cache: the store's share of the process memory budget. */
  cacheBytes: number;
  /** Events per id-index segment (default SEGMENT_EVENTS; tests make it small to cross segments). */
  segmentEvents?: number;
  /** Told when an unreadable (or another schema's) store file was moved aside and a fresh store started. */
  onSetAside?: (setAside: SetAside) => void;
  /** Called once the store is closed (releases the folder's lock). */
  onClose?: () => void;
}

type KeyColumn = "trace" | "corr" | "msg" | "caus";

/** Transactions handed to the writer thread at once: it inserts one while this thread prepares the next. */
const WRITER_PIPELINE = 3;

export class SqliteEventStore implements EventStore {
  readonly names: NameTable;
  readonly concurrentAppends: number;
  readonly counters: StoreCounters;
  private readonly positionsMap = new Map<string, string>();
  private readonly byRecord: Database.Statement;
  private readonly blockData: Database.Statement;
  private readonly byKey: Record<KeyColumn, Database.Statement>;
  private readonly recentKeys: Database.Statement;

  /**
   * Opens the store: for a file, the writer thread first (it creates or checks the schema), then this
   * thread's reading connection; in memory, one connection for both.
   */
  static async open(options: SqliteStoreOptions): Promise<SqliteEventStore> {
    if (options.path === ":memory:") {
      const db = new Database(":memory:");
      applySchema(db, options.cacheBytes);
      return new SqliteEventStore(options, db, inlineWriter(db, options));
    }
    // The page cache is split between the writer's connection and this one.
    const cacheBytes = Math.floor(options.cacheBytes / 2);
    const { onSetAside, onClose: _onClose, ...limits } = options;
    const writer = await workerWriter({ ...limits, cacheBytes }, { onSetAside });
    const db = new Database(options.path);
    db.pragma(`cache_size = -${Math.max(1024, Math.floor(cacheBytes / 1024))}`);
    db.pragma("busy_timeout = 5000");
    return new SqliteEventStore(options, db, writer);
  }

  private constructor(
    readonly options: SqliteStoreOptions,
    readonly db: Database.Database,
    private readonly writer: WriterChannel,
  ) {
    this.concurrentAppends = options.path === ":memory:" ? 1 : WRITER_PIPELINE;
    this.names = new NameTable(this.db);
    this.counters = new StoreCounters(this.db);
    for (const row of this.db.prepare("SELECT topic, part, next FROM positions").all() as {
      topic: string;
      part: number;
      next: string;
    }[])
      this.positionsMap.set(formatPartitionKey(row.topic, row.part), row.next);

    this.byRecord = this.db.prepare(
      `SELECT ${ROW_COLUMNS} FROM events WHERE topic = ? AND part = ? AND off = ?`,
    );
    this.blockData = this.db.prepare("SELECT data FROM blocks WHERE id = ?");
    // A skip-scan over the id's index, in SQLite: `segment` walks the segments that hold any row with this
    // kind of id, in order (each step one seek to the next larger sg), and each is probed by (sg, hash).
    // The walk is a co-routine and the segments are the outer loop (CROSS JOIN), so rows come out in sg
    // order, and within a segment in rowid order: oldest first, and the LIMIT stops the walk early. Empty
    // stretches (a row with a far-future timestamp outlives retention) cost nothing.
    const keyQuery = (col: KeyColumn) =>
      this.db.prepare(
        `WITH RECURSIVE segment(sg) AS (
           SELECT (SELECT min(sg) FROM events WHERE ${col}_h IS NOT NULL)
           UNION ALL
           SELECT (SELECT min(sg) FROM events WHERE sg > segment.sg AND ${col}_h IS NOT NULL)
           FROM segment WHERE segment.sg IS NOT NULL
         )
         SELECT ${ROW_COLUMNS}
         FROM segment CROSS JOIN events AS e ON e.sg = segment.sg AND e.${col}_h = ? AND e.${col} = ?
         LIMIT ?`,
      );
    // Walks the timestamp index (its entries are ordered by ts, then rowid = seq).
    this.recentKeys = this.db.prepare("SELECT trace, corr FROM events ORDER BY ts DESC, seq DESC");
    this.byKey = {
      trace: keyQuery("trace"),
      corr: keyQuery("corr"),
      msg: keyQuery("msg"),
      caus: keyQuery("caus"),
    };
  }

  async append(batch: IngestBatch): Promise<void> {
    const result = await this.writer.append({
      summaries: batch.events.map((e) => e.summary),
      payloads: serializePayloads(batch.events.map((e) => e.payload)),
      positions: [...batch.positions],
    });
    this.counters.load(result.counters);
    for (const [key, next] of batch.positions) this.positionsMap.set(key, next);
  }

  positions(): Map<string, string> {
    return new Map(this.positionsMap);
  }

  get(id: string): EventSummary | undefined {
    const ref = parseRecordId(id);
    const topic = ref ? this.names.find(NameKind.Topic, ref.topic) : undefined;
    if (!ref || topic === undefined) return undefined;
    const row = this.byRecord.get(topic, ref.partition, Number(ref.offset)) as EventRow | undefined;
    return row ? fromRow(row, this.names) : undefined;
  }

  payload(id: string): PayloadLookup {
    const ref = parseRecordId(id);
    const topic = ref ? this.names.find(NameKind.Topic, ref.topic) : undefined;
    if (!ref || topic === undefined) return { state: "unknown" };
    const row = this.byRecord.get(topic, ref.partition, Number(ref.offset)) as EventRow | undefined;
    if (!row) return { state: "unknown" };
    const block = this.blockData.get(row.block) as { data: Buffer } | undefined;
    const payload = block ? decodeBlockEntry(block.data, row.block_pos) : null;
    return payload ? { state: "stored", payload } : { state: "expired" };
  }

  /** The key's events, oldest first (in arrival order), at most `limit`. */
  private lookup(col: KeyColumn, value: string, limit = MAX_EVENTS_PER_KEY): EventSummary[] {
    if (!value) return [];
    const rows = this.byKey[col].all(idHash(value), value, Math.min(limit, MAX_EVENTS_PER_KEY)) as EventRow[];
    return rows.map((r) => fromRow(r, this.names));
  }

  byTraceId = (traceId: string, limit?: number) => this.lookup("trace", traceId, limit);
  byCorrelationId = (correlationId: string, limit?: number) => this.lookup("corr", correlationId, limit);
  byMessageId = (messageId: string, limit?: number) => this.lookup("msg", messageId, limit);
  byCausationId = (messageId: string, limit?: number) => this.lookup("caus", messageId, limit);

  recent(filter: EventFilter, limit: number): ScanResult<EventSummary> {
    return scanRecent(this, filter, limit);
  }

  recentTraceKeys(limit: number): TraceKey[] {
    const seen = new Set<string>();
    const keys: TraceKey[] = [];
    const started = performance.now();
    let n = 0;
    for (const row of this.recentKeys.iterate() as IterableIterator<{
      trace: string | null;
      corr: string | null;
    }>) {
      const key = row.trace ?? (row.corr === null ? null : `corr:${row.corr}`);
      if (key !== null && !seen.has(key)) {
        seen.add(key);
        keys.push(
          row.trace !== null
            ? { traceId: row.trace, correlationId: null }
            : { traceId: null, correlationId: row.corr! },
        );
        if (keys.length >= limit) break;
      }
      if (++n % 1024 === 0 && performance.now() - started > SCAN_BUDGET_MS) break;
    }
    return keys;
  }

  /** Partitions of a topic the store has positions for (every partition it ever read). */
  partitionsOf(topic: string): number[] {
    const out: number[] = [];
    for (const key of this.positionsMap.keys()) {
      const p = parsePartitionKey(key);
      if (p.topic === topic) out.push(p.partition);
    }
    return out;
  }

  topicCounts(): Map<string, number> {
    const out = new Map<string, number>();
    for (const { topic, n } of this.counters.pairs()) {
      const name = this.names.nameOf(topic);
      if (name !== null) out.set(name, (out.get(name) ?? 0) + n);
    }
    return out;
  }

  producerPairs(): Map<string, { service: string; topic: string; count: number }> {
    const out = new Map<string, { service: string; topic: string; count: number }>();
    for (const { topic, service, n } of this.counters.pairs()) {
      const t = this.names.nameOf(topic);
      const s = this.names.nameOf(service);
      if (t !== null && s !== null) out.set(`${s}\u0000${t}`, { service: s, topic: t, count: n });
    }
    return out;
  }

  clusterId(): string | null {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'cluster_id'").get() as
      { value: string } | undefined;
    return row?.value ?? null;
  }

  async setClusterId(id: string): Promise<void> {
    await this.writer.setMeta("cluster_id", id);
  }

  async enforceRetention(now: number): Promise<number> {
    const result = await this.writer.retention(now);
    this.counters.load(result.counters);
    return result.evicted;
  }

  stats(): StoreStats {
    const pageSize = this.db.pragma("page_size", { simple: true }) as number;
    const pages = this.db.pragma("page_count", { simple: true }) as number;
    const free = this.db.pragma("freelist_count", { simple: true }) as number;
    const diskBytes = (pages - free) * pageSize;
    const events = this.counters.events;
    const window = this.window();
    return {
      backend: this.options.path === ":memory:" ? "memory" : "embedded",
      events,
      diskBytes,
      diskBudgetBytes: this.options.diskBudgetBytes,
      bytesPerEvent: events > 0 ? Math.round(diskBytes / events) : 0,
      retentionMs: this.options.retentionMs,
      evictedEvents: this.counters.evicted,
      expiredPayloadEvents: this.counters.expiredPayloads,
      window: { ...window, events, evicted: this.counters.evicted > 0 },
    };
  }

  /** Two statements on purpose: SQLite answers a lone min() or max() from the index, both at once by a scan. */
  private window(): { from: number | null; to: number | null } {
    const from = this.db.prepare("SELECT min(ts) AS t FROM events").get() as { t: number | null };
    const to = this.db.prepare("SELECT max(ts) AS t FROM events").get() as { t: number | null };
    return { from: from.t, to: to.t };
  }

  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.open) this.db.close();
    this.options.onClose?.();
  }
}
