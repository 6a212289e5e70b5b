import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { EventStore, IngestBatch } from "@/server/store/event-store";
import { SqliteEventStore } from "@/server/store/sqlite/sqlite-event-store";
import { StoreWriter } from "@/server/store/store-writer";
import { ingested } from "@/server/store/testing/ingested";
import { testLogger } from "@/server/test-support/silent-logger";

const HOUR = 3_600_000;
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An hour's retention, room enough on disk: only the writer's behaviour matters here. */
const openStore = (file = ":memory:") =>
  SqliteEventStore.open({ path: file, retentionMs: HOUR, diskBudgetBytes: 1 << 30, cacheBytes: 8 << 20 });

/** Pushes `slices` slices of `size` events of partition 0, as the collector does, then stops the writer. */
async function pushAll(writer: StoreWriter, slices: number, size: number): Promise<void> {
  for (let s = 0; s < slices; s++) {
    const events = Array.from({ length: size }, (_, i) => ingested({ offset: s * size + i }));
    await writer.push(events, "orders/0", String((s + 1) * size));
  }
  await writer.stop();
}

/**
 * The embedded store's contract for appends in flight, over the in-memory store: appends answer a few ms
 * later, in call order; one chosen append fails, and every append called before its failure was answered is
 * refused (the writer thread does the same until it hears the failure was seen).
 */
function flakyPipelinedStore(inner: SqliteEventStore, failCall: number): EventStore & { calls: number } {
  let calls = 0;
  /** Calls made before the failure was answered: refused, like the writer thread refuses them. */
  let refuseUpTo = 0;
  let queue = Promise.resolve();
  const store = Object.create(inner) as EventStore & { calls: number };
  Object.defineProperty(store, "concurrentAppends", { value: 3 });
  Object.defineProperty(store, "calls", { get: () => calls });
  store.append = (batch: IngestBatch) => {
    const call = ++calls;
    const done = queue.then(async () => {
      await new Promise((resolve) => setTimeout(resolve, 3));
      if (call === failCall) throw new Error("disk full");
      if (call > failCall && call <= refuseUpTo) throw new Error("an earlier write failed");
      await inner.append(batch);
    });
    queue = done.catch(() => undefined);
    if (call === failCall) done.catch(() => (refuseUpTo = calls));
    return done;
  };
  return store;
}

describe("StoreWriter", () => {
  it("stores every event once, in order, with several transactions in flight on the writer thread", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "writer-"));
    dirs.push(dir);
    const store = await openStore(path.join(dir, "events.db"));
    expect(store.concurrentAppends).toBeGreaterThan(1);
    const writer = new StoreWriter(store, testLogger());
    const heard: string[] = [];
    writer.onStored((events) => heard.push(...events.map((e) => e.offset)));
    await pushAll(writer, 40, 250);

    expect((await store.topicCounts()).get("orders")).toBe(10_000);
    expect(store.positions().get("orders/0")).toBe("10000");
    expect(heard).toEqual(Array.from({ length: 10_000 }, (_, i) => String(i)));
    await store.close();
  });

  it("after a failed write, writes it and every later transaction again in order, so no event is missing", async () => {
    const inner = await openStore();
    const store = flakyPipelinedStore(inner, 2);
    const writer = new StoreWriter(store, testLogger());
    const heard: string[] = [];
    writer.onStored((events) => heard.push(...events.map((e) => e.offset)));
    await pushAll(writer, 12, 500);

    expect(store.calls).toBeGreaterThan(6); // 6 transactions, plus the failed one and those refused after it
    expect((await inner.topicCounts()).get("orders")).toBe(6_000);
    expect(inner.positions().get("orders/0")).toBe("6000");
    expect(heard).toEqual(Array.from({ length: 6_000 }, (_, i) => String(i)));
    await inner.close();
  });

  it("holds the collector back once the buffered records reach its byte bound, however few they are", async () => {
    const inner = await openStore();
    // A store that answers only when told to: everything pushed stays buffered until then.
    const answers: (() => void)[] = [];
    const store = Object.create(inner) as EventStore;
    store.append = (batch) =>
      new Promise<void>((resolve) => answers.push(() => resolve(inner.append(batch))));
    const writer = new StoreWriter(store, testLogger(), 16 << 20);
    const big = (offset: number) => ingested({ offset, value: new Uint8Array(5 << 20) });

    let firstResolved = false;
    void writer.push([big(0), big(1)], "orders/0", "2").then(() => (firstResolved = true));
    let secondResolved = false;
    const second = writer.push([big(2), big(3)], "orders/0", "4").then(() => (secondResolved = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // 10 MiB buffered is below the 16 MiB bound; 20 MiB is not, although it is only four events.
    expect(firstResolved).toBe(true);
    expect(secondResolved).toBe(false);

    while (answers.length > 0) answers.shift()!();
    await second;
    await new Promise((resolve) => setTimeout(resolve, 10));
    while (answers.length > 0) answers.shift()!();
    await writer.stop();
    expect((await inner.topicCounts()).get("orders")).toBe(4);
    await inner.close();
  });

  it("puts at most 8 MiB of records in one transaction, a larger record alone", async () => {
    const store = await openStore();
    const sizes: number[] = [];
    const append = store.append.bind(store);
    store.append = (batch) => {
      sizes.push(batch.events.reduce((n, e) => n + e.summary.size, 0));
      return append(batch);
    };
    const writer = new StoreWriter(store, testLogger(), 1 << 30);
    const events = [3, 3, 3, 3, 12, 1].map((mib, i) =>
      ingested({ offset: i, value: new Uint8Array(mib << 20) }),
    );
    await Promise.all(events.map((e, i) => writer.push([e], "orders/0", String(i + 1))));
    await writer.stop();

    expect(sizes.length).toBeGreaterThanOrEqual(4);
    // Only the 12 MiB record's transaction is over 8 MiB, and it holds that record alone.
    const over = sizes.filter((size) => size > 8 << 20);
    expect(over).toHaveLength(1);
    expect(over[0]).toBeLessThan(13 << 20);
    expect((await store.topicCounts()).get("orders")).toBe(6);
    await store.close();
  });
});
