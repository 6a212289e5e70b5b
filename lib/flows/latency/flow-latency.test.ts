import { describe, expect, it } from "vitest";
import { FlowLatencyAggregator, TRACE_SETTLE_MS } from "./flow-latency";
import type { Pairable } from "./pairing-types";

const T0 = 1_700_000_000_000;
const rules = {
  consumersOf: (topic: string) =>
    ({ "orders.commands": ["order-service"], "orders.events": ["inventory-service"] })[topic] ?? [],
  isDlqTopic: () => false,
};
const budget = {
  messagesBytes: 1 << 20,
  tracesBytes: 1 << 20,
  orphansBytes: 1 << 20,
  openTracesBytes: 1 << 20,
};

/** One order's flow: gateway → orders.commands → order-service → orders.events → inventory-service → … */
function order(n: number, startMs: number, inventoryMs: number): Pairable[] {
  const base = { traceId: `trace-${n}`, causationId: null };
  return [
    {
      ...base,
      id: `orders.commands/0/${n}`,
      topic: "orders.commands",
      timestamp: startMs,
      messageId: `c-${n}`,
      service: "gateway",
    },
    {
      ...base,
      id: `orders.events/0/${n}`,
      topic: "orders.events",
      timestamp: startMs + 20,
      messageId: `e-${n}`,
      causationId: `c-${n}`,
      service: "order-service",
    },
    {
      ...base,
      id: `inventory.events/0/${n}`,
      topic: "inventory.events",
      timestamp: startMs + 20 + inventoryMs,
      messageId: `i-${n}`,
      causationId: `e-${n}`,
      service: "inventory-service",
    },
  ];
}

describe("FlowLatencyAggregator", () => {
  it("files each hop under the consume edge and the produce edge it crossed, and the flow under its pathway", () => {
    const agg = new FlowLatencyAggregator(rules, budget);
    for (let n = 0; n < 50; n++) agg.ingest(order(n, T0 + n * 100, 300), T0 + n * 100);
    const now = T0 + 5_000;
    const { edges, pathways } = agg.snapshot("5m", now, now);
    expect(edges["c:orders.events->inventory-service"]?.p50).toBeCloseTo(300, -1);
    expect(edges["p:inventory-service->inventory.events"]?.count).toBe(50);
    expect(edges["c:orders.commands->order-service"]?.p99).toBeCloseTo(20, 0);
    expect(pathways[0]).toMatchObject({
      id: "orders.commands → orders.events → inventory.events",
      topics: ["orders.commands", "orders.events", "inventory.events"],
    });
    expect(pathways[0]?.stats.p50).toBeCloseTo(320, -1);
    expect(pathways[0]?.examples[0]?.traceId).toMatch(/^trace-/);
  });

  it("files a whole trace once it has been quiet, as its last message minus its root", () => {
    const agg = new FlowLatencyAggregator(rules, budget);
    agg.ingest(order(1, T0, 300), T0);
    agg.tick(T0 + TRACE_SETTLE_MS - 1);
    expect(agg.snapshot("5m", T0 + 60_000, T0 + 60_000).traces).toBeNull();
    agg.tick(T0 + TRACE_SETTLE_MS);
    expect(agg.snapshot("5m", T0 + 60_000, T0 + 60_000).traces).toMatchObject({ count: 1, max: 320 });
  });

  it("gives an edge's histogram, per-minute percentiles and slowest messages with their traces", () => {
    const agg = new FlowLatencyAggregator(rules, budget);
    for (let n = 0; n < 20; n++) agg.ingest(order(n, T0 + n * 1_000, 100 + n * 10), T0);
    const now = T0 + 30_000;
    const detail = agg.edge("c:orders.events->inventory-service", "1h", now, now);
    expect(detail.stats?.count).toBe(20);
    expect(detail.histogram.reduce((n, bar) => n + bar.count, 0)).toBe(20);
    expect(detail.overTime.reduce((n, point) => n + point.count, 0)).toBe(20);
    expect(detail.slowest.map((s) => s.traceId).slice(0, 2)).toEqual(["trace-19", "trace-18"]);
    expect(agg.edge("c:nowhere->nobody", "1h", now, now)).toMatchObject({ stats: null, slowest: [] });
  });

  it("files a retry copy under the group that gave up, naming the original producer with its slowest messages", () => {
    const agg = new FlowLatencyAggregator(rules, budget);
    const [, placed] = order(1, T0, 300);
    // inventory-service gave up on OrderPlaced and copied it to a retry topic 2 s later; the copy keeps
    // order-service's service header.
    const retry = { ...placed!, id: "inventory.retry/0/0", topic: "inventory.retry", timestamp: T0 + 2_020 };
    agg.ingest([placed!, retry], T0 + 3_000);
    const now = T0 + 5_000;
    const detail = agg.edge("c:orders.events->inventory-service", "5m", now, now);
    expect(detail.slowest[0]).toMatchObject({ ms: 2_000, originalProducer: "order-service" });
    expect(agg.snapshot("5m", now, now).edges["p:order-service->inventory.retry"]).toBeUndefined();
  });
});
