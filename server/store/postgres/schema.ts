/**
 * The PostgreSQL store's tables, created and migrated by Eventscope when it opens the database: every
 * instance runs the migrations under one advisory lock, so several starting at once never race, and each
 * step runs once (the schema version is kept in the meta table).
 *
 * events: one row per Kafka record (id = topic/partition/offset, unique, so a record read twice — after a
 * rebalance or a restart — is stored once), the summary as JSON text and the payload bytes.
 * positions: next offset per partition, advanced in the same transaction as the rows.
 * counts: events and bytes per (topic, service), kept by the same transactions, so the flow graph and the
 * health figures never count a large table.
 */
import type { PoolClient } from "pg";

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE eventscope_events (
     seq bigserial PRIMARY KEY,
     id text NOT NULL UNIQUE,
     ts bigint NOT NULL,
     topic text NOT NULL,
     part integer NOT NULL,
     off bigint NOT NULL,
     trace text,
     corr text,
     msg text,
     caus text,
     service text NOT NULL,
     bytes integer NOT NULL,
     summary text NOT NULL,
     pkey bytea,
     pvalue bytea,
     pheaders text
   );
   CREATE INDEX eventscope_events_ts ON eventscope_events (ts);
   CREATE INDEX eventscope_events_topic ON eventscope_events (topic, seq);
   CREATE INDEX eventscope_events_trace ON eventscope_events (trace, seq) WHERE trace IS NOT NULL;
   CREATE INDEX eventscope_events_corr ON eventscope_events (corr, seq) WHERE corr IS NOT NULL;
   CREATE INDEX eventscope_events_msg ON eventscope_events (msg, seq) WHERE msg IS NOT NULL;
   CREATE INDEX eventscope_events_caus ON eventscope_events (caus, seq) WHERE caus IS NOT NULL;
   CREATE TABLE eventscope_positions (partition_key text PRIMARY KEY, next_offset bigint NOT NULL);
   CREATE TABLE eventscope_counts (
     topic text NOT NULL,
     service text NOT NULL,
     n bigint NOT NULL,
     bytes bigint NOT NULL,
     PRIMARY KEY (topic, service)
   );`,
];

/** Arbitrary, fixed: the advisory lock every instance takes while it migrates. */
const MIGRATION_LOCK = 0x65766e74;

export async function migrate(client: PoolClient): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS eventscope_meta (key text PRIMARY KEY, value text NOT NULL)",
    );
    const row = await client.query<{ value: string }>(
      "SELECT value FROM eventscope_meta WHERE key = 'schema_version'",
    );
    const version = row.rows[0] ? Number(row.rows[0].value) : 0;
    for (let v = version; v < MIGRATIONS.length; v++) await client.query(MIGRATIONS[v]!);
    await client.query(
      `INSERT INTO eventscope_meta (key, value) VALUES ('schema_version', $1)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [String(MIGRATIONS.length)],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
