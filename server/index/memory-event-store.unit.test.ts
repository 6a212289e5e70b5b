import { describe, expect, it } from "vitest";
import { decodeRecord } from "@/lib/decode";
import type { EventRecord } from "@/lib/model/event";
import { estimateEventBytes } from "@/server/index/estimate-size";
import { MemoryEventStore } from "@/server/index/memory-event-store";

const enc = new TextEncoder();
let offset = 0;
function event(
  opts: { trace?: string; topic?: string; service?: string; value?: string; ts?: number } = {},
): EventRecord {
  offset += 1;
  const headers: { key: string; value: Uint8Array }[] = [];
  if (opts.trace)
    headers.push({ key: "traceparent", value: enc.encode(`00-${opts.trace}-00f067aa0ba902b7-01`) });
  if (opts.service) headers.push({ key: "ce_source", value: enc.encode(opts.service) });
  headers.push({ key: "ce_id", value: enc.encode(`m-${offset}`) });
  return decodeRecord({
    topic: opts.topic ?? "orders",
    partition: 0,
    offset: String(offset),
    timestamp: opts.ts ?? 1_700_000_000_000 + offset,
    key: null,
    value: enc.encode(opts.value ?? `{"n":${offset}}`),
    headers,
  });
}

const traceA = "4bf92f3577b34da6a3ce929d0e0e4736";
const traceB = "0af7651916cd43dd8448eb211c80319c";

describe("MemoryEventStore", () => {
  it("finds events by trace id and message id", () => {
    const store = new MemoryEventStore(10_000_000);
    const a1 = event({ trace: traceA });
    const b1 = event({ trace: traceB });
    const a2 = event({ trace: traceA });
    [a1, b1, a2].forEach((e) => store.add(e));
    expect(store.byTraceId(traceA).map((e) => e.id)).toEqual([a1.id, a2.id]);
    expect(store.byMessageId(b1.messageId ?? "")).toEqual([b1]);
  });

  it("ignores a second add of the same record", () => {
    const store = new MemoryEventStore(10_000_000);
    const e = event({ trace: traceA });
    expect(store.add(e)).toBe(true);
    expect(store.add({ ...e })).toBe(false);
    expect(store.stats().events).toBe(1);
  });

  it("stays within its byte budget under an endless stream, evicting the oldest first", () => {
    const sample = event({ trace: traceA });
    const budget = estimateEventBytes(sample) * 100;
    const store = new MemoryEventStore(budget);
    const all: EventRecord[] = [];
    for (let i = 0; i < 10_000; i++) {
      const e = event({ trace: i % 2 ? traceA : traceB });
      all.push(e);
      store.add(e);
      expect(store.stats().bytes).toBeLessThanOrEqual(budget);
    }
    const stats = store.stats();
    expect(stats.events).toBeGreaterThan(90);
    expect(stats.evictedEvents).toBe(10_000 - stats.events);
    expect(stats.window.evicted).toBe(true);
    // The survivors are exactly the newest ones, and the secondary indexes forgot the evicted.
    const newest = all.slice(-stats.events);
    expect(store.get(newest[0]!.id)).toBeDefined();
    expect(store.get(all[0]!.id)).toBeUndefined();
    expect(store.byTraceId(traceA).length + store.byTraceId(traceB).length).toBe(stats.events);
    expect(store.byMessageId(all[0]!.messageId ?? "")).toEqual([]);
  });

  it("lists recent events newest first, filtered and limited", () => {
    const store = new MemoryEventStore(10_000_000);
    const events = [
      event({ topic: "orders", service: "gateway" }),
      event({ topic: "payments", service: "payment-service" }),
      event({ topic: "orders", service: "gateway" }),
    ];
    events.forEach((e) => store.add(e));
    expect(store.recent({}, 2).map((e) => e.id)).toEqual([events[2]!.id, events[1]!.id]);
    expect(store.recent({ topic: "orders" }, 10).map((e) => e.id)).toEqual([events[2]!.id, events[0]!.id]);
    expect(store.recent({ service: "payment-service" }, 10)).toHaveLength(1);
  });

  it("reports the time window it covers and counts per topic and producer", () => {
    const store = new MemoryEventStore(10_000_000);
    store.add(event({ topic: "orders", service: "gateway", ts: 1000 }));
    store.add(event({ topic: "orders", service: "gateway", ts: 3000 }));
    store.add(event({ topic: "payments", ts: 2000 }));
    expect(store.stats().window).toMatchObject({ from: 1000, to: 3000, events: 3, evicted: false });
    expect(store.topicCounts()).toEqual(
      new Map([
        ["orders", 2],
        ["payments", 1],
      ]),
    );
    expect([...store.producerPairs().values()]).toEqual([{ service: "gateway", topic: "orders", count: 2 }]);
  });
});
