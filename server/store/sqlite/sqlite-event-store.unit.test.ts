import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { IngestedEvent } from "@/server/store/event-store";
import { SqliteEventStore, type SqliteStoreOptions } from "@/server/store/sqlite/sqlite-event-store";
import { ingested, traceOf } from "@/server/store/testing/ingested";

const HOUR = 3_600_000;
const options = (over: Partial<SqliteStoreOptions> = {}): SqliteStoreOptions => ({
  path: ":memory:",
  retentionMs: HOUR,
  diskBudgetBytes: 1 << 30,
  cacheBytes: 8 << 20,
  ...over,
});
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Appends as the collector does: with the next offset of every partition the events came from. */
function append(store: SqliteEventStore, events: IngestedEvent[]): Promise<void> {
  const positions = new Map<string, string>();
  for (const { summary } of events)
    positions.set(`${summary.topic}/${summary.partition}`, String(Number(summary.offset) + 1));
  return store.append({ events, positions });
}

describe("SqliteEventStore", () => {
  it("gives back each event's summary and its exact payload bytes, binary and repeated headers included", async () => {
    const store = await SqliteEventStore.open(options());
    const binary = new Uint8Array([0xff, 0x00, 0xfe]);
    const repeated = [
      { key: "x-attempt", value: new TextEncoder().encode("1") },
      { key: "x-attempt", value: new TextEncoder().encode("2") },
      { key: "x-null", value: null },
    ];
    await append(store, [
      ingested({ offset: 0, trace: traceOf(1) }),
      ingested({ offset: 1, value: binary, headers: repeated }),
    ]);
    expect(store.get("orders/0/0")).toMatchObject({ traceId: traceOf(1), preview: '{"n":0}' });
    const found = store.payload("orders/0/1");
    expect(found.state).toBe("stored");
    if (found.state !== "stored") return;
    expect([...(found.payload.value ?? [])]).toEqual([0xff, 0x00, 0xfe]);
    expect(found.payload.headers.map((h) => [h.key, h.value && new TextDecoder().decode(h.value)])).toEqual([
      ["x-attempt", "1"],
      ["x-attempt", "2"],
      ["x-null", null],
    ]);
    expect(store.get("orders/0/2")).toBeUndefined();
    expect(store.payload("not-an-id").state).toBe("unknown");
  });

  it("finds a trace's events oldest first, across partitions, and caps what one key may pull", async () => {
    const store = await SqliteEventStore.open(options());
    const events = Array.from({ length: 30 }, (_, i) =>
      ingested({ offset: i, partition: i % 3, trace: traceOf(i % 2), correlationId: `order-${i % 2}` }),
    );
    await append(store, events);
    expect(store.byTraceId(traceOf(1)).map((e) => e.offset)).toEqual(
      Array.from({ length: 15 }, (_, i) => String(i * 2 + 1)),
    );
    expect(store.byCorrelationId("order-0", 4)).toHaveLength(4);
    expect(store.byTraceId(traceOf(7))).toEqual([]);
  });

  it("finds a key's events across index segments, oldest first, capped, after eviction and after a restart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "es-segments-"));
    dirs.push(dir);
    // Segments of 4 events: the 40 events below span 11 of them.
    const opts = options({ path: path.join(dir, "events.db"), segmentEvents: 4 });
    const now = 1_700_000_000_000 + 10 * HOUR;
    const event = (i: number) =>
      ingested({ offset: i, trace: traceOf(1 + (i % 3)), timestamp: now - (i < 10 ? 2 * HOUR : 1_000) + i });
    const first = await SqliteEventStore.open(opts);
    for (let batch = 0; batch < 4; batch++)
      await append(
        first,
        Array.from({ length: 10 }, (_, i) => event(batch * 10 + i)),
      );
    const offsetsOf = (store: SqliteEventStore, trace: number, limit?: number) =>
      store.byTraceId(traceOf(1 + trace), limit).map((e) => Number(e.offset));
    const every = (trace: number, from: number) =>
      Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 3 === trace && i >= from);
    expect(offsetsOf(first, 1)).toEqual(every(1, 0));
    expect(offsetsOf(first, 2, 5)).toEqual(every(2, 0).slice(0, 5));
    // The first 10 events are two hours old: evicted, which empties the first segments.
    await first.enforceRetention(now);
    expect(offsetsOf(first, 0)).toEqual(every(0, 10));
    await first.close();
    // After a restart, new events continue the segments where they were.
    const again = await SqliteEventStore.open(opts);
    await append(again, [event(40), event(43)]);
    expect(offsetsOf(again, 1)).toEqual([...every(1, 10), 40, 43]);
    await again.close();
  });

  it("stores a record once, however often it is appended", async () => {
    const store = await SqliteEventStore.open(options());
    const event = ingested({ offset: 5, service: "gateway" });
    await append(store, [event]);
    await append(store, [event]);
    expect(store.stats().events).toBe(1);
    expect(store.topicCounts()).toEqual(new Map([["orders", 1]]));
    // A re-read fetch overlapping what is stored: only the new records count.
    const fetched = (from: number) =>
      Array.from({ length: 40 }, (_, i) => ingested({ offset: from + i, service: "gateway" }));
    await append(store, fetched(100));
    await append(store, fetched(120));
    expect(store.stats().events).toBe(61);
    expect([...store.producerPairs().values()]).toEqual([{ service: "gateway", topic: "orders", count: 61 }]);
    expect(store.get("orders/0/159")).toBeDefined();
  });

  it("lists recent traces newest by event time first, even when older events were stored after them", async () => {
    const store = await SqliteEventStore.open(options());
    // A backlog being read: the trace stored last happened first.
    await append(store, [
      ingested({ offset: 0, trace: traceOf(1), timestamp: 1_700_000_002_000 }),
      ingested({ offset: 1, trace: traceOf(2), timestamp: 1_700_000_003_000 }),
      ingested({ offset: 2, trace: traceOf(3), timestamp: 1_700_000_001_000 }),
    ]);
    expect(store.recentTraceKeys(3).map((k) => k.traceId)).toEqual([traceOf(2), traceOf(1), traceOf(3)]);
  });

  it("lists a quiet topic's newest events first, and a search that matches nothing finds nothing", async () => {
    const store = await SqliteEventStore.open(options());
    await append(
      store,
      Array.from({ length: 2_000 }, (_, i) =>
        ingested({ offset: i, topic: i % 10 === 0 ? "quiet" : "busy" }),
      ),
    );
    const quiet = store.recent({ topic: "quiet" }, 5);
    expect(quiet.items.map((e) => e.offset)).toEqual(["1990", "1980", "1970", "1960", "1950"]);
    const none = store.recent({ q: "no such text anywhere" }, 10);
    expect(none.items).toEqual([]);
    // Whether this small store is searched to the end depends on the machine; either way the answer says which.
    expect(none.scannedBackTo === null).toBe(!none.partial);
  });

  it("evicts by age from the oldest end and reports it in its stats", async () => {
    const store = await SqliteEventStore.open(options());
    const now = 1_700_000_000_000 + 10 * HOUR;
    const old = Array.from({ length: 6_000 }, (_, i) =>
      ingested({ offset: i, timestamp: now - 2 * HOUR + i }),
    );
    const fresh = Array.from({ length: 100 }, (_, i) =>
      ingested({ offset: 6_000 + i, timestamp: now - 1_000 }),
    );
    await append(store, [...old, ...fresh]);
    let evicted = 0;
    for (let step = 0; step < 10; step++) evicted += await store.enforceRetention(now);
    expect(evicted).toBe(6_000);
    expect(store.get("orders/0/0")).toBeUndefined();
    expect(store.get("orders/0/6000")).toBeDefined();
    expect(store.stats()).toMatchObject({ events: 100, evictedEvents: 6_000, window: { from: now - 1_000 } });
  });

  it("keeps within its disk budget: payloads go first (the event stays, its payload expires), then the oldest rows", async () => {
    const budget = 2 << 20;
    const store = await SqliteEventStore.open(options({ diskBudgetBytes: budget }));
    const random = () => crypto.getRandomValues(new Uint8Array(8_192));
    for (let batch = 0; batch < 40; batch++)
      await append(
        store,
        Array.from({ length: 20 }, (_, i) => ingested({ offset: batch * 20 + i, value: random() })),
      );
    // The events are seconds old: only the disk budget applies. One bounded step per call, as the timer runs it.
    const now = 1_700_000_000_000 + 10_000;
    for (let step = 0; step < 20 && store.stats().diskBytes > budget; step++)
      await store.enforceRetention(now);
    const stats = store.stats();
    expect(stats.diskBytes).toBeLessThanOrEqual(budget);
    expect(stats.expiredPayloadEvents).toBeGreaterThan(0);
    expect(store.get("orders/0/0")).toBeDefined();
    expect(store.payload("orders/0/0").state).toBe("expired");
    expect(store.payload("orders/0/799").state).toBe("stored");
  });

  it("survives a restart: events, positions and counts come back from the file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "es-store-"));
    dirs.push(dir);
    const file = path.join(dir, "events.db");
    const first = await SqliteEventStore.open(options({ path: file }));
    await append(first, [
      ingested({ offset: 0, service: "gateway", trace: traceOf(3) }),
      ingested({ offset: 1 }),
    ]);
    await first.close();
    const again = await SqliteEventStore.open(options({ path: file }));
    expect(again.positions()).toEqual(new Map([["orders/0", "2"]]));
    expect(again.byTraceId(traceOf(3))).toHaveLength(1);
    expect(again.stats().events).toBe(2);
    expect([...again.producerPairs().values()]).toEqual([{ service: "gateway", topic: "orders", count: 1 }]);
    await again.close();
  });
});
