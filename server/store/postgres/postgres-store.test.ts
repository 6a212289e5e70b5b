import { afterEach, describe, expect, it } from "vitest";
import type { IngestedEvent } from "@/server/store/event-store";
import { PostgresEventStore } from "@/server/store/postgres/postgres-event-store";
import { ingested, traceOf } from "@/server/store/testing/ingested";
import { createTestDatabase, type TestDatabase } from "@/server/test-support/postgres";

const HOUR = 3_600_000;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  cleanup.push(() => db.drop());
  return db;
}

async function open(url: string, over: { retentionMs?: number; diskBudgetBytes?: number } = {}) {
  const store = await PostgresEventStore.open({ url, retentionMs: HOUR, diskBudgetBytes: 1 << 30, ...over });
  cleanup.push(() => store.close());
  return store;
}

/** Appends as the collector does: with the next offset of every partition the events came from. */
function append(store: PostgresEventStore, events: IngestedEvent[]): Promise<void> {
  const positions = new Map<string, string>();
  for (const { summary } of events)
    positions.set(`${summary.topic}/${summary.partition}`, String(Number(summary.offset) + 1));
  return store.append({ events, positions });
}

describe("PostgresEventStore", () => {
  it("gives back each event's summary and its exact payload bytes, binary and repeated headers included", async () => {
    const store = await open((await database()).url);
    const repeated = [
      { key: "x-attempt", value: new TextEncoder().encode("1") },
      { key: "x-attempt", value: new Uint8Array([0xff, 0x00]) },
      { key: "x-null", value: null },
    ];
    await append(store, [
      ingested({ offset: 0, trace: traceOf(1) }),
      ingested({ offset: 1, value: new Uint8Array([0xff, 0x00, 0xfe]), headers: repeated }),
    ]);
    expect(await store.get("orders/0/0")).toMatchObject({ traceId: traceOf(1), preview: '{"n":0}' });
    const found = await store.payload("orders/0/1");
    if (found.state !== "stored") throw new Error(`payload ${found.state}`);
    expect([...(found.payload.value ?? [])]).toEqual([0xff, 0x00, 0xfe]);
    expect(found.payload.headers.map((h) => [h.key, h.value && [...h.value]])).toEqual([
      ["x-attempt", [0x31]],
      ["x-attempt", [0xff, 0x00]],
      ["x-null", null],
    ]);
    expect(await store.get("orders/0/2")).toBeUndefined();
    expect((await store.payload("not-an-id")).state).toBe("unknown");
  });

  it("finds a trace's events oldest first across partitions, caps what one key may pull, and lists recent keys", async () => {
    const store = await open((await database()).url);
    await append(
      store,
      Array.from({ length: 30 }, (_, i) =>
        ingested({
          offset: i,
          partition: i % 3,
          trace: traceOf(1 + (i % 2)),
          correlationId: `order-${i % 2}`,
        }),
      ),
    );
    const trace = await store.byTraceId(traceOf(2));
    expect(trace.map((e) => e.offset)).toEqual(Array.from({ length: 15 }, (_, i) => String(2 * i + 1)));
    expect(await store.byCorrelationId("order-0", 4)).toHaveLength(4);
    expect(await store.byTraceId(traceOf(7))).toEqual([]);
    expect(await store.recentTraceKeys(5)).toEqual([
      { traceId: traceOf(2), correlationId: null },
      { traceId: traceOf(1), correlationId: null },
    ]);
  });

  it("lists recent traces newest by event time first, even when older events were stored after them", async () => {
    const store = await open((await database()).url);
    // A backlog being read: the trace stored last happened first.
    await append(store, [
      ingested({ offset: 0, trace: traceOf(1), timestamp: 1_700_000_002_000 }),
      ingested({ offset: 1, trace: traceOf(2), timestamp: 1_700_000_003_000 }),
      ingested({ offset: 2, trace: traceOf(3), timestamp: 1_700_000_001_000 }),
    ]);
    expect((await store.recentTraceKeys(3)).map((k) => k.traceId)).toEqual([
      traceOf(2),
      traceOf(1),
      traceOf(3),
    ]);
  });

  it("stores a record read twice once (a re-read after a rebalance) and keeps positions with the rows", async () => {
    const { url } = await database();
    const first = await open(url);
    const events = Array.from({ length: 10 }, (_, i) =>
      ingested({ offset: i, service: "shop", timestamp: Date.now() }),
    );
    await append(first, events);
    await append(first, events.slice(5));
    expect(await first.topicCounts()).toEqual(new Map([["orders", 10]]));
    expect(await first.producerPairs()).toEqual(
      new Map([["shop\u0000orders", { service: "shop", topic: "orders", count: 10 }]]),
    );
    const second = await open(url);
    expect(second.positions()).toEqual(new Map([["orders/0", "10"]]));
    await second.enforceRetention(Date.now());
    expect(second.stats()).toMatchObject({ backend: "postgres", events: 10, evictedEvents: 0 });
  });

  it("lists newest first with a filter, and one topic's events among a busier topic's", async () => {
    const store = await open((await database()).url);
    const busy = Array.from({ length: 3_000 }, (_, i) => ingested({ topic: "busy", offset: i }));
    await append(store, [ingested({ topic: "quiet", offset: 0, service: "billing" }), ...busy]);
    const quiet = await store.recent({ topic: "quiet" }, 10);
    expect(quiet.items.map((e) => e.id)).toEqual(["quiet/0/0"]);
    const newest = await store.recent({}, 3);
    expect(newest.items.map((e) => e.offset)).toEqual(["2999", "2998", "2997"]);
    expect((await store.recent({ q: "billing" }, 5)).items.map((e) => e.id)).toEqual(["quiet/0/0"]);
  });

  it("evicts by age, then by the byte budget, and reports what it let go", async () => {
    const store = await open((await database()).url, { retentionMs: 60_000, diskBudgetBytes: 20_000 });
    const now = Date.now();
    const old = Array.from({ length: 50 }, (_, i) => ingested({ offset: i, timestamp: now - 120_000 + i }));
    const fresh = Array.from({ length: 200 }, (_, i) =>
      ingested({ offset: 50 + i, timestamp: now - 1_000 + i, value: "x".repeat(200) }),
    );
    await append(store, [...old, ...fresh]);
    const evicted = await store.enforceRetention(now);
    expect(evicted).toBeGreaterThanOrEqual(50);
    const stats = store.stats();
    expect(stats.diskBytes).toBeLessThanOrEqual(20_000);
    expect(stats.window.from).toBeGreaterThanOrEqual(now - 1_000);
    expect(stats.window.evicted).toBe(true);
    expect(stats.evictedEvents).toBe(evicted);
    expect(await store.get("orders/0/0")).toBeUndefined();
  });

  it("is shared: what one instance stores, another finds, and both open the same schema at once", async () => {
    const { url } = await database();
    const [a, b] = await Promise.all([open(url), open(url)]);
    await append(a, [ingested({ offset: 0, partition: 0, trace: traceOf(3) })]);
    await append(b, [ingested({ offset: 0, partition: 1, trace: traceOf(3) })]);
    for (const store of [a, b])
      expect((await store.byTraceId(traceOf(3))).map((e) => e.id)).toEqual(["orders/0/0", "orders/1/0"]);
  });
});
