import { describe, expect, it } from "vitest";
import { FlowLatencyAggregator, TRACE_SETTLE_MS } from "./flow-latency";
import type { Pairable } from "./pairing-types";
import { latencySnapshot, readLatencySnapshot } from "./snapshot";

const T0 = 1_700_000_000_000;
const rules = { consumersOf: (t: string) => (t === "orders" ? ["billing"] : []), isDlqTopic: () => false };
const budget = {
  messagesBytes: 1 << 20,
  tracesBytes: 1 << 20,
  orphansBytes: 1 << 20,
  openTracesBytes: 1 << 20,
};

/** An order on `orders` and the invoice billing produced for it `hopMs` later. */
const flow = (n: number, at: number, hopMs: number): Pairable[] => [
  {
    id: `orders/0/${n}`,
    topic: "orders",
    timestamp: at,
    traceId: `t${n}`,
    messageId: `o${n}`,
    causationId: null,
    service: "shop",
  },
  {
    id: `invoices/0/${n}`,
    topic: "invoices",
    timestamp: at + hopMs,
    traceId: `t${n}`,
    messageId: `i${n}`,
    causationId: `o${n}`,
    service: "billing",
  },
];

function aggregatorWith(flows: Pairable[][], nowMs: number) {
  const aggregator = new FlowLatencyAggregator(rules, budget);
  aggregator.ingest(flows.flat(), nowMs);
  aggregator.tick(nowMs + TRACE_SETTLE_MS);
  return aggregator;
}

/** What a restart does: save as JSON text, read it back, restore into a new aggregator. */
function restarted(from: FlowLatencyAggregator, savedAt: number) {
  const text = JSON.stringify(latencySnapshot(from.state(), savedAt));
  const read = readLatencySnapshot(JSON.parse(text));
  if (!read.ok) throw new Error(read.reason);
  const to = new FlowLatencyAggregator(rules, budget);
  to.restore(read.snapshot.windows);
  return to;
}

describe("flow latency snapshot", () => {
  const now = T0 + 120_000;
  const before = aggregatorWith(
    Array.from({ length: 40 }, (_, n) => flow(n, T0 + n * 1_000, 100 + n * 10)),
    now,
  );

  it("gives a restarted aggregator the same edges, pathways, whole traces and slowest messages", () => {
    const after = restarted(before, now);
    for (const window of ["1m", "5m", "1h"] as const)
      expect(after.snapshot(window, now, now)).toEqual(before.snapshot(window, now, now));
    const edge = Object.keys(before.snapshot("5m", now, now).edges)[0]!;
    expect(after.edge(edge, "5m", now, now)).toEqual(before.edge(edge, "5m", now, now));
    expect(after.snapshot("5m", now, now).edges[edge]).toMatchObject({ count: 40, max: 490 });
  });

  it("adds the saved windows to what was recorded since the start", () => {
    const after = restarted(before, now);
    after.ingest(flow(99, now - 5_000, 2_000), now);
    const stats = Object.values(after.snapshot("5m", now, now).edges);
    expect(stats.some((s) => s.count === 41 && s.max === 2_000)).toBe(true);
  });

  it("refuses an incomplete, foreign or oversized file as a whole", () => {
    const doc = JSON.parse(JSON.stringify(latencySnapshot(before.state(), now))) as {
      windows: { edges: unknown[] };
    };
    expect(readLatencySnapshot(doc).ok).toBe(true);
    expect(readLatencySnapshot({ ...doc, windows: { edges: doc.windows.edges } }).ok).toBe(false);
    expect(readLatencySnapshot({ ...doc, version: 2 }).ok).toBe(false);
    const tooMany = Array.from({ length: 501 }, (_, i) => [`k${i}`, { fine: [], coarse: [] }]);
    expect(readLatencySnapshot({ ...doc, windows: { ...doc.windows, edges: tooMany } }).ok).toBe(false);
    expect(readLatencySnapshot("not a snapshot").ok).toBe(false);
  });
});
