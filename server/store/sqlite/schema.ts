/**
 * The embedded store's tables. One row per event with its identity in columns; the four ids a trace is
 * stitched by are indexed through 53-bit hashes (see id-hash.ts) with partial indexes, so records without
 * that id cost nothing in the index. Topic, service, event type and trace source are small integers from
 * the `names` table. `seq` is arrival order (payload blocks follow it); `ts` is indexed because retention
 * and the window go by event time, and arrival order is not time order while a backlog is read.
 */
import type Database from "better-sqlite3";

export const SCHEMA_VERSION = 1;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS names (id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, name TEXT NOT NULL, UNIQUE (kind, name));
CREATE TABLE IF NOT EXISTS blocks (id INTEGER PRIMARY KEY, events INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS positions (topic TEXT NOT NULL, part INTEGER NOT NULL, next TEXT NOT NULL, PRIMARY KEY (topic, part)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS producer_counts (topic INTEGER NOT NULL, service INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (topic, service)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  topic INTEGER NOT NULL,
  part INTEGER NOT NULL,
  off INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  size INTEGER NOT NULL,
  source INTEGER NOT NULL,
  service INTEGER NOT NULL,
  type INTEGER NOT NULL,
  trace TEXT, span TEXT, parent_span TEXT, origin_trace TEXT,
  corr TEXT, caus TEXT, msg TEXT, dl_of TEXT,
  preview TEXT NOT NULL, key_preview TEXT, err TEXT,
  block INTEGER NOT NULL, block_pos INTEGER NOT NULL,
  trace_h INTEGER, corr_h INTEGER, msg_h INTEGER, caus_h INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS events_record ON events (topic, part, off);
CREATE INDEX IF NOT EXISTS events_ts ON events (ts);
CREATE INDEX IF NOT EXISTS events_trace ON events (trace_h) WHERE trace_h IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_corr ON events (corr_h) WHERE corr_h IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_msg ON events (msg_h) WHERE msg_h IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_caus ON events (caus_h) WHERE caus_h IS NOT NULL;
`;

export function applySchema(db: Database.Database, cacheBytes: number): void {
  // WAL lets readers run while a write is in progress. No fsync: commits survive a crash of the process
  // (they are in the OS's cache), and with fsync the six indexes' page writes cost 3× the insert rate.
  // An OS crash or power loss may damage the file; the store is a cache of Kafka, so it is then set
  // aside and rebuilt by reading the topics again (see open-database.ts).
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  // The reader and the writer are two connections: a checkpoint may briefly hold the other one up.
  db.pragma("busy_timeout = 5000");
  db.pragma("temp_store = MEMORY");
  db.pragma(`cache_size = -${Math.max(1024, Math.floor(cacheBytes / 1024))}`);
  // Checkpoints keep the WAL file small; the default 1000 pages is fine at thousands of rows per write.
  db.pragma("wal_autocheckpoint = 1000");
  db.exec(DDL);
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as
    { value: string } | undefined;
  if (!row) db.prepare("INSERT INTO meta (key, value) VALUES ('schema', ?)").run(String(SCHEMA_VERSION));
  else if (Number(row.value) !== SCHEMA_VERSION)
    throw new Error(
      `the event store was written by another version (schema ${row.value}, expected ${SCHEMA_VERSION}); delete its folder to start afresh`,
    );
}
