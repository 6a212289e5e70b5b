/**
 * Running totals the store reports without scanning its rows: events held, evicted, payloads expired,
 * payload bytes, and events per (topic, producing service). Kept in memory and written in the same
 * transactions that change them, so they survive a restart exactly.
 */
import type Database from "better-sqlite3";

const META_KEYS = ["events", "evicted", "expired_payloads", "payload_bytes"] as const;
type MetaKey = (typeof META_KEYS)[number];

/** The counters as plain data: what the writer hands the reader after each write. */
export interface CounterSnapshot {
  values: [MetaKey, number][];
  pairs: [string, number][];
}

export class StoreCounters {
  private readonly values = new Map<MetaKey, number>();
  private readonly pairCounts = new Map<string, number>();
  private readonly setMeta: Database.Statement;
  private readonly addPair: Database.Statement;
  private readonly removePairs: Database.Statement;

  constructor(db: Database.Database) {
    const get = db.prepare("SELECT value FROM meta WHERE key = ?");
    for (const key of META_KEYS) {
      const row = get.get(key) as { value: string } | undefined;
      this.values.set(key, row ? Number(row.value) : 0);
    }
    for (const row of db.prepare("SELECT topic, service, n FROM producer_counts").all() as {
      topic: number;
      service: number;
      n: number;
    }[])
      this.pairCounts.set(`${row.topic}:${row.service}`, row.n);
    this.setMeta = db.prepare(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
    this.addPair = db.prepare(
      "INSERT INTO producer_counts (topic, service, n) VALUES (?, ?, ?) ON CONFLICT (topic, service) DO UPDATE SET n = n + excluded.n",
    );
    this.removePairs = db.prepare("DELETE FROM producer_counts WHERE n <= 0");
  }

  get events(): number {
    return this.values.get("events") ?? 0;
  }
  get evicted(): number {
    return this.values.get("evicted") ?? 0;
  }
  get expiredPayloads(): number {
    return this.values.get("expired_payloads") ?? 0;
  }
  get payloadBytes(): number {
    return this.values.get("payload_bytes") ?? 0;
  }

  private bump(key: MetaKey, by: number): void {
    const value = (this.values.get(key) ?? 0) + by;
    this.values.set(key, value);
    this.setMeta.run(key, String(value));
  }

  /** Inside the write transaction: `pairs` maps `topicId:serviceId` to events added. */
  added(pairs: Map<string, number>, blockBytes: number): void {
    this.changePairs(pairs, 1);
    let total = 0;
    for (const n of pairs.values()) total += n;
    if (total !== 0) this.bump("events", total);
    if (blockBytes !== 0) this.bump("payload_bytes", blockBytes);
  }

  /** Inside the eviction transaction. */
  evictedRows(pairs: Map<string, number>): void {
    this.changePairs(pairs, -1);
    let total = 0;
    for (const n of pairs.values()) total += n;
    if (total === 0) return;
    this.bump("events", -total);
    this.bump("evicted", total);
  }

  /** Inside the eviction transaction: payload blocks removed, and how many still-stored events they served. */
  droppedBlocks(bytes: number, payloadsOfLiveEvents: number): void {
    if (bytes !== 0) this.bump("payload_bytes", -bytes);
    if (payloadsOfLiveEvents > 0) this.bump("expired_payloads", payloadsOfLiveEvents);
  }

  snapshot(): CounterSnapshot {
    return { values: [...this.values], pairs: [...this.pairCounts] };
  }

  /** On a reader: takes the writer's latest figures (nothing is written). */
  load(snapshot: CounterSnapshot): void {
    for (const [key, value] of snapshot.values) this.values.set(key, value);
    this.pairCounts.clear();
    for (const [key, n] of snapshot.pairs) this.pairCounts.set(key, n);
  }

  pairs(): { topic: number; service: number; n: number }[] {
    return [...this.pairCounts].map(([key, n]) => {
      const [topic, service] = key.split(":").map(Number);
      return { topic: topic ?? 0, service: service ?? 0, n };
    });
  }

  private changePairs(pairs: Map<string, number>, sign: 1 | -1): void {
    for (const [key, n] of pairs) {
      const [topic, service] = key.split(":").map(Number);
      this.pairCounts.set(key, (this.pairCounts.get(key) ?? 0) + sign * n);
      if ((this.pairCounts.get(key) ?? 0) <= 0) this.pairCounts.delete(key);
      this.addPair.run(topic, service, sign * n);
    }
    if (sign < 0) this.removePairs.run();
  }
}
