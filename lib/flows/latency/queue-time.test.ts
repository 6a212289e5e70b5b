import { describe, expect, it } from "vitest";
import { FlowLatencyAggregator } from "./flow-latency";
import type { Pairable } from "./pairing-types";
import { PER_KEY_PER_SLOT, type PassedBounds } from "./queue-time";

const T0 = 1_700_000_000_000;
const EDGE = "c:orders->billing";
const budget = {
  messagesBytes: 1 << 20,
  tracesBytes: 1 << 20,
  orphansBytes: 1 << 20,
  openTracesBytes: 1 << 20,
};

/** Order n (offset 40 + n on orders/0) and the invoice billing produced for it `hopMs` later. */
const flow = (n: number, at: number, hopMs: number): Pairable[] => [
  {
    id: `orders/0/${40 + n}`,
    topic: "orders",
    timestamp: at,
    traceId: null,
    messageId: `o${n}`,
    causationId: null,
    service: "shop",
  },
  {
    id: `invoices/0/${n}`,
    topic: "invoices",
    timestamp: at + hopMs,
    traceId: null,
    messageId: `i${n}`,
    causationId: `o${n}`,
    service: "billing",
  },
];

/** The lag poller's view of billing's committed offset on orders/0: `[ms after T0, committed]` per poll. */
function polls(points: [number, number][]) {
  return (_topic: string, _partition: number, offset: string): PassedBounds => {
    let notYetAt: number | null = null;
    for (const [t, committed] of points) {
      if (committed > Number(offset)) return { notYetAt, consumedBy: T0 + t };
      notYetAt = T0 + t;
    }
    return { notYetAt, consumedBy: null };
  };
}

function aggregator(groups: string[] = ["billing"]) {
  return new FlowLatencyAggregator(
    { consumersOf: (t) => (t === "orders" ? groups : []), isDlqTopic: () => false },
    budget,
  );
}
const split = (a: FlowLatencyAggregator, now: number) => a.edge(EDGE, "5m", now, now).split;

describe("queue and processing time of a consume edge", () => {
  it("splits a slow consumer's hop where its committed offset reached the message", () => {
    const a = aggregator();
    // Produced at T0; billing finished the record before it at ~10 s (polls every second) and took 20 s.
    a.ingest(flow(1, T0, 30_000), T0 + 30_000);
    a.settleQueues(
      polls([
        [9_500, 40],
        [10_500, 41],
        [30_500, 42],
      ]),
      T0 + 31_000,
    );
    const s = split(a, T0 + 31_000)!;
    expect(s.settled).toBe(1);
    expect(s.precisionMs).toBe(500);
    expect(s.queue!.p50).toBeCloseTo(10_000, -2);
    expect(s.processing!.p50).toBeCloseTo(20_000, -2);
  });

  it("gives no queue time to a group that was already waiting at the message when it was produced", () => {
    const a = aggregator();
    a.ingest(flow(1, T0, 300), T0 + 300);
    a.settleQueues(
      polls([
        [-2_000, 40],
        [-1_000, 41],
      ]),
      T0 + 1_000,
    );
    expect(split(a, T0 + 1_000)).toMatchObject({ queue: { p50: 0 }, processing: { p50: 300 }, settled: 1 });
  });

  it("counts but does not split a hop shorter than the poll precision", () => {
    const a = aggregator();
    a.ingest(flow(1, T0, 300), T0 + 300);
    a.settleQueues(
      polls([
        [100, 40],
        [5_100, 42],
      ]),
      T0 + 6_000,
    );
    expect(split(a, T0 + 6_000)).toEqual({ queue: null, processing: null, settled: 1, precisionMs: 2_500 });
  });

  it("waits for the commit, and for the group to be known, before settling", () => {
    let groups: string[] = [];
    const a = new FlowLatencyAggregator(
      { consumersOf: (t) => (t === "orders" ? groups : []), isDlqTopic: () => false },
      budget,
    );
    a.ingest(flow(1, T0, 30_000), T0 + 30_000);
    a.settleQueues(polls([[9_500, 40]]), T0 + 30_000);
    groups = ["billing"];
    a.settleQueues(polls([[9_500, 40]]), T0 + 31_000);
    expect(split(a, T0 + 31_000)).toBeNull();
    a.settleQueues(
      polls([
        [9_500, 40],
        [10_500, 41],
      ]),
      T0 + 32_000,
    );
    expect(split(a, T0 + 32_000)?.settled).toBe(1);
  });

  it(`measures at most ${PER_KEY_PER_SLOT} hops per edge per 10 seconds`, () => {
    const a = aggregator();
    for (let n = 1; n <= 20; n++) a.ingest(flow(n, T0 + n, 30_000), T0 + 30_000);
    a.settleQueues(
      polls([
        [0, 40],
        [60_000, 100],
      ]),
      T0 + 61_000,
    );
    expect(split(a, T0 + 61_000)?.settled).toBe(PER_KEY_PER_SLOT);
    expect(a.edge(EDGE, "5m", T0 + 61_000, T0 + 61_000).stats?.count).toBe(20);
  });
});
