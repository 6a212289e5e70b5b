/**
 * The embedded store's tables. One row per event with its identity in columns; the four ids a trace is
 * stitched by are indexed through 53-bit hashes (see id-hash.ts) with partial indexes, so records without
 * that id cost nothing in the index. Topic, service, event type and trace source are small integers from
 * the `names` table. `seq` is arrival order (payload blocks follow it); `ts` is indexed because retention
 * and the window go by event time, and arrival order is not time order while a backlog is read.
 *
 * The id indexes lead with `sg`, the row's segment: seq / SEGMENT_EVENTS. A hash is random, so in an index
 * by hash alone every insert lands on a random leaf page of an index as large as the store; a transaction
 * of 10,000 rows then rewrites ~10,000 pages per index. In a bare SQLite test of these indexes the insert
 * rate fell from 35,000 to 17,000 rows/s between 1M and 4M rows; keyed by segment first, inserts only
 * touch the current segment's part of each index, and the same test held 80,000–100,000 rows/s. A lookup
 * probes each segment that holds that kind of id (38 at 10M events; see the lookup query in
 * sqlite-event-store.ts).
 */
import type Database from "better-sqlite3";

/** 3: segments of 2^18 events (2: 2^17). A store of another version is set aside and refilled from Kafka. */
export const SCHEMA_VERSION = 3;

/**
 * Events per index segment: 2^18 = 262,144 (52 s at 5,000 events/s). The size trades the writer against
 * lookups. A trace lookup costs one index probe per segment for each id it asks about (at 10M events: 77
 * segments with 2^17, 38 with 2^18, 20 with 2^19), and on a store larger than the OS's file cache a probe
 * may be a disk read; in-process on one machine, 10M events, warm cache: p50 5.3 ms and p99 10 ms with
 * 2^17, 2.7 and 5.1 ms with 2^19. The writer pays as the current segment's four id indexes outgrow its page
 * cache: over 1M events (`npm run bench -- store-write`, same machine) it stored 41,600 events/s with 2^17,
 * 34,800 with 2^18 (flat across the fill) and 29,900 with 2^19 (25,100 over the last fifth, as the segment
 * filled). 2^18 halves the lookups' probes for a writer still twice as fast as the collector reads.
 */
export const SEGMENT_EVENTS = 2 ** 18;

/** A store file written with another schema: set aside and started afresh, as Kafka still has the records. */
export class SchemaMismatchError extends Error {
  constructor(readonly found: string) {
    super(`the event store was written with schema ${found}; this version uses ${SCHEMA_VERSION}`);
  }
}

const META_DDL = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)";

const DDL = `
CREATE TABLE IF NOT EXISTS names (id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, name TEXT NOT NULL, UNIQUE (kind, name));
CREATE TABLE IF NOT EXISTS blocks (id INTEGER PRIMARY KEY, events INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS positions (topic TEXT NOT NULL, part INTEGER NOT NULL, next TEXT NOT NULL, PRIMARY KEY (topic, part)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS producer_counts (topic INTEGER NOT NULL, service INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (topic, service)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  sg INTEGER NOT NULL,
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
CREATE INDEX IF NOT EXISTS events_trace ON events (sg, trace_h) WHERE trace_h IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_corr ON events (sg, corr_h) WHERE corr_h IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_msg ON events (sg, msg_h) WHERE msg_h IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_caus ON events (sg, caus_h) WHERE caus_h IS NOT NULL;
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
  // The version is checked before any table is made, so another version's tables are never half-changed.
  db.exec(META_DDL);
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as
    { value: string } | undefined;
  if (row && Number(row.value) !== SCHEMA_VERSION) throw new SchemaMismatchError(row.value);
  // Tables without a version: a store whose first start stopped before it recorded one.
  if (!row && db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'events'").get())
    throw new SchemaMismatchError("unknown");
  db.exec(DDL);
  if (!row) db.prepare("INSERT INTO meta (key, value) VALUES ('schema', ?)").run(String(SCHEMA_VERSION));
}
