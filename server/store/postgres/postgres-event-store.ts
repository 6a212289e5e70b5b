/**
 * The event store in PostgreSQL, shared by every Eventscope instance that names the same database
 * (`EVENTSCOPE_STORE=postgres://…`): a trace whose events different instances read is found whole by
 * any of them. Same interface and semantics as the embedded store — a batch and its positions in one
 * transaction, retention by age and byte budget, every read bounded (row limits, a statement timeout,
 * scans with a time budget that answer `partial`). Reads answer asynchronously; the figures `/api/health`
 * shows are refreshed with each retention step (every second).
 */
import { Pool, type PoolConfig } from "pg";
import { withClient } from "@/server/store/postgres/checkout";
import type { EventFilter } from "@/lib/api/events";
import type { EventSummary } from "@/lib/model/event";
import type { Logger } from "@/server/logger";
import {
  type EventStore,
  type IngestBatch,
  MAX_EVENTS_PER_KEY,
  type PayloadLookup,
  type ScanResult,
  type StoreStats,
  type TraceKey,
} from "@/server/store/event-store";
import { enforceRetention, type RetentionLimits } from "@/server/store/postgres/retention";
import { INSERT_EVENTS, insertParams, toPayload, toSummary } from "@/server/store/postgres/rows";
import { scanRecent } from "@/server/store/postgres/scan-recent";
import { migrate } from "@/server/store/postgres/schema";

/** No single read may run longer; a lookup that does is answered with an error, never a stalled request. */
const READ_TIMEOUT_MS = 2_000;
/** A write may wait for a busy database longer; the store writer retries a failed one. */
const WRITE_TIMEOUT_MS = 30_000;

const KEY_COLUMNS = {
  byTraceId: "trace",
  byCorrelationId: "corr",
  byMessageId: "msg",
  byCausationId: "caus",
} as const;

const APPEND = `
  WITH ins AS (${INSERT_EVENTS})
  INSERT INTO eventscope_counts (topic, service, n, bytes)
  SELECT topic, service, count(*), sum(bytes) FROM ins GROUP BY topic, service ORDER BY topic, service
  ON CONFLICT (topic, service) DO UPDATE
    SET n = eventscope_counts.n + EXCLUDED.n, bytes = eventscope_counts.bytes + EXCLUDED.bytes`;

const SAVE_POSITIONS = `
  INSERT INTO eventscope_positions (partition_key, next_offset)
  SELECT * FROM unnest($1::text[], $2::bigint[])
  ON CONFLICT (partition_key) DO UPDATE SET next_offset = EXCLUDED.next_offset`;

export interface PostgresStoreOptions extends RetentionLimits {
  url: string;
  log?: Logger;
}

export class PostgresEventStore implements EventStore {
  private positionsMap = new Map<string, string>();
  private cluster: string | null = null;
  private figures = {
    events: 0,
    bytes: 0,
    evicted: 0,
    from: null as number | null,
    to: null as number | null,
  };

  private constructor(
    private readonly reads: Pool,
    private readonly writes: Pool,
    private readonly options: PostgresStoreOptions,
  ) {}

  static async open(options: PostgresStoreOptions): Promise<PostgresEventStore> {
    const pool = (max: number, timeoutMs: number, role: string) => {
      const config: PoolConfig = {
        connectionString: options.url,
        max,
        statement_timeout: timeoutMs,
        connectionTimeoutMillis: 5_000,
        application_name: `eventscope-${role}`,
      };
      const p = new Pool(config);
      // A connection dropped while idle (a database restart) must not take the process down.
      p.on("error", (error) => options.log?.warn({ err: error }, "PostgreSQL connection lost"));
      return p;
    };
    const store = new PostgresEventStore(
      pool(4, READ_TIMEOUT_MS, "reads"),
      pool(2, WRITE_TIMEOUT_MS, "writes"),
      options,
    );
    try {
      await withClient(store.writes, migrate);
      await store.loadPositions();
      const meta = await store.reads.query<{ value: string }>(
        "SELECT value FROM eventscope_meta WHERE key = 'cluster_id'",
      );
      store.cluster = meta.rows[0]?.value ?? null;
      await store.refreshFigures();
      return store;
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  private async loadPositions(): Promise<void> {
    const { rows } = await this.reads.query<{ partition_key: string; next_offset: string }>(
      "SELECT partition_key, next_offset FROM eventscope_positions",
    );
    this.positionsMap = new Map(rows.map((r) => [r.partition_key, r.next_offset]));
  }

  async append(batch: IngestBatch): Promise<void> {
    await withClient(this.writes, async (client) => {
      try {
        await client.query("BEGIN");
        if (batch.events.length > 0) await client.query(APPEND, insertParams(batch.events));
        if (batch.positions.size > 0)
          await client.query(SAVE_POSITIONS, [[...batch.positions.keys()], [...batch.positions.values()]]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    });
    for (const [key, next] of batch.positions) this.positionsMap.set(key, next);
  }

  positions(): Map<string, string> {
    return new Map(this.positionsMap);
  }

  async readPositions(): Promise<Map<string, string>> {
    await this.loadPositions();
    return this.positions();
  }

  async get(id: string): Promise<EventSummary | undefined> {
    const { rows } = await this.reads.query<{ summary: string }>(
      "SELECT summary FROM eventscope_events WHERE id = $1",
      [id],
    );
    return rows[0] ? toSummary(rows[0]) : undefined;
  }

  async payload(id: string): Promise<PayloadLookup> {
    const { rows } = await this.reads.query<{ pkey: Buffer | null; pvalue: Buffer | null; pheaders: string }>(
      "SELECT pkey, pvalue, pheaders FROM eventscope_events WHERE id = $1",
      [id],
    );
    return rows[0] ? { state: "stored", payload: toPayload(rows[0]) } : { state: "unknown" };
  }

  private async lookup(kind: keyof typeof KEY_COLUMNS, value: string, limit = MAX_EVENTS_PER_KEY) {
    if (!value) return [];
    const col = KEY_COLUMNS[kind];
    const { rows } = await this.reads.query<{ summary: string }>(
      `SELECT summary FROM eventscope_events WHERE ${col} = $1 ORDER BY seq LIMIT $2`,
      [value, Math.min(limit, MAX_EVENTS_PER_KEY)],
    );
    return rows.map(toSummary);
  }

  byTraceId = (traceId: string, limit?: number) => this.lookup("byTraceId", traceId, limit);
  byCorrelationId = (id: string, limit?: number) => this.lookup("byCorrelationId", id, limit);
  byMessageId = (messageId: string, limit?: number) => this.lookup("byMessageId", messageId, limit);
  byCausationId = (messageId: string, limit?: number) => this.lookup("byCausationId", messageId, limit);

  recent(filter: EventFilter, limit: number): Promise<ScanResult<EventSummary>> {
    return scanRecent(this.reads, filter, limit);
  }

  async recentTraceKeys(limit: number): Promise<TraceKey[]> {
    // The newest rows that have a key, a few per trace: enough to find `limit` distinct keys in one read.
    const { rows } = await this.reads.query<{ trace: string | null; corr: string | null }>(
      `SELECT trace, corr FROM eventscope_events WHERE trace IS NOT NULL OR corr IS NOT NULL
       ORDER BY ts DESC, seq DESC LIMIT $1`,
      [limit * 20],
    );
    const seen = new Set<string>();
    const keys: TraceKey[] = [];
    for (const { trace, corr } of rows) {
      const key = trace ?? `corr:${corr}`;
      if (seen.has(key)) continue;
      seen.add(key);
      keys.push(
        trace !== null ? { traceId: trace, correlationId: null } : { traceId: null, correlationId: corr! },
      );
      if (keys.length >= limit) break;
    }
    return keys;
  }

  async topicCounts(): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const { topic, n } of await this.counts()) out.set(topic, (out.get(topic) ?? 0) + n);
    return out;
  }

  async producerPairs(): Promise<Map<string, { service: string; topic: string; count: number }>> {
    const out = new Map<string, { service: string; topic: string; count: number }>();
    for (const { topic, service, n } of await this.counts())
      if (service !== "") out.set(`${service}\u0000${topic}`, { service, topic, count: n });
    return out;
  }

  private async counts() {
    const { rows } = await this.reads.query<{ topic: string; service: string; n: string }>(
      "SELECT topic, service, n FROM eventscope_counts WHERE n > 0",
    );
    return rows.map((r) => ({ topic: r.topic, service: r.service, n: Number(r.n) }));
  }

  stats(): StoreStats {
    const { events, bytes, evicted, from, to } = this.figures;
    return {
      backend: "postgres",
      events,
      diskBytes: bytes,
      diskBudgetBytes: this.options.diskBudgetBytes,
      bytesPerEvent: events > 0 ? Math.round(bytes / events) : 0,
      retentionMs: this.options.retentionMs,
      evictedEvents: evicted,
      expiredPayloadEvents: 0,
      window: { from, to, events, evicted: evicted > 0 },
    };
  }

  private async refreshFigures(): Promise<void> {
    const { rows } = await this.reads.query<{ n: string; b: string; evicted: string | null }>(
      `SELECT coalesce(sum(n), 0) AS n, coalesce(sum(bytes), 0) AS b,
         (SELECT value FROM eventscope_meta WHERE key = 'evicted') AS evicted FROM eventscope_counts`,
    );
    // Two statements on purpose: each of min() and max() alone is answered from the index.
    const from = await this.reads.query<{ t: string | null }>("SELECT min(ts) AS t FROM eventscope_events");
    const to = await this.reads.query<{ t: string | null }>("SELECT max(ts) AS t FROM eventscope_events");
    const t = (r: { t: string | null } | undefined) => (r?.t == null ? null : Number(r.t));
    this.figures = {
      events: Number(rows[0]?.n ?? 0),
      bytes: Number(rows[0]?.b ?? 0),
      evicted: Number(rows[0]?.evicted ?? 0),
      from: t(from.rows[0]),
      to: t(to.rows[0]),
    };
  }

  clusterId(): string | null {
    return this.cluster;
  }

  async setClusterId(id: string): Promise<void> {
    await this.writes.query(
      `INSERT INTO eventscope_meta (key, value) VALUES ('cluster_id', $1)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [id],
    );
    this.cluster = id;
  }

  async enforceRetention(now: number): Promise<number> {
    const evicted = await enforceRetention(this.writes, this.options, now);
    await this.refreshFigures();
    return evicted;
  }

  async close(): Promise<void> {
    await Promise.all([this.reads.end(), this.writes.end()]);
  }
}
