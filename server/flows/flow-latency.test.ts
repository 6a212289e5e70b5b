/**
 * Flow latency end to end: the demo shop on the real broker with ~300 ms of injected work in
 * inventory-service. The edge into inventory-service must show it, the others must not, and taking the
 * delay away must bring the edge back down within one (1-minute) window.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EdgeLatencyDetail } from "@/lib/api/flow-latency";
import type { FlowGraph } from "@/lib/api/flows";
import { consumeEdgeId } from "@/lib/flows/build-graph";
import { type TestDemo, startTestDemo } from "@/demo/test-support/harness";
import { defaultControl } from "@/demo/config";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { uniqueName } from "@/server/test-support/kafka";

let demo: TestDemo;
let app: TestApp;

const graph = async (window: string) =>
  (await (await fetch(`${app.url}/api/flows?window=${window}`)).json()) as FlowGraph;

/** One order every 700 ms: slower than the 300 ms delay, so the slowed consumer never queues up. */
async function placeOrders(count: number) {
  for (let i = 0; i < count; i++) {
    await demo.placeOrder();
    await new Promise((resolve) => setTimeout(resolve, 700));
  }
}

beforeAll(async () => {
  app = await startTestApp(
    testConfig({ KAFKA_CLIENT_ID: uniqueName("es-latency"), EVENTSCOPE_LOOKBACK: "1m" }),
  );
  demo = await startTestDemo({ initialControl: { ...defaultControl, rate: 0, inventoryDelayMs: 300 } });
}, 90_000);

afterAll(async () => {
  await demo?.stop();
  await app?.close();
});

describe("flow latency with a slow inventory-service", () => {
  it("shows ~300 ms p50 on the edge into inventory-service, well below on the others, and recovers without the delay", async () => {
    const { topics, groups } = demo.config;
    const slowEdge = consumeEdgeId(topics.ordersEvents, groups.inventory);
    const fastEdge = consumeEdgeId(topics.ordersCommands, groups.order);
    await placeOrders(12);
    const slow = await eventually(
      async () => {
        const g = await graph("5m");
        return (g.latency.edges[slowEdge]?.count ?? 0) >= 10 && g.latency.edges[fastEdge] ? g : undefined;
      },
      30_000,
      "latency on the inventory and order edges",
    );
    expect(slow.edges.map((e) => e.id)).toContain(slowEdge);
    expect(slow.latency.edges[slowEdge]!.p50).toBeGreaterThanOrEqual(200);
    expect(slow.latency.edges[slowEdge]!.p50).toBeLessThanOrEqual(400);
    // Every consume edge of this demo that does not lead into inventory-service stays well below the delay.
    // (The shared test broker also holds the topics of demos that other test files ran within the
    // lookback; their groups are gone and their edges are not this test's.)
    const ourTopics = Object.values(topics);
    const ours = (id: string) => ourTopics.some((topic) => id.startsWith(consumeEdgeId(topic, "")));
    for (const [id, stats] of Object.entries(slow.latency.edges))
      if (ours(id) && id !== slowEdge) expect(stats.p50, id).toBeLessThan(150);
    expect(slow.latency.pathways.length).toBeGreaterThan(0);

    const detail = (await (
      await fetch(`${app.url}/api/flows/edges/${encodeURIComponent(slowEdge)}?window=5m`)
    ).json()) as EdgeLatencyDetail;
    expect(detail.slowest.length).toBeGreaterThan(0);
    expect(detail.slowest[0]!.ms).toBeGreaterThanOrEqual(250);
    expect(detail.slowest[0]!.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(detail.histogram.reduce((n, bar) => n + bar.count, 0)).toBe(detail.stats!.count);

    // Without the delay, within one 1-minute window the edge is fast again.
    expect((await demo.request("POST", "/control", { inventoryDelayMs: 0 })).status).toBe(200);
    const started = Date.now();
    let recovered: FlowGraph | undefined;
    while (!recovered && Date.now() - started < 75_000) {
      await placeOrders(3);
      const g = await graph("1m");
      const stats = g.latency.edges[slowEdge];
      if (stats && stats.p99 < 150) recovered = g;
    }
    expect(recovered, "the inventory edge's 1-minute p99 below 150 ms within 75 s").toBeDefined();
  }, 150_000);
});
