/**
 * Flow latency across a restart on the embedded store: the second run continues at the stored positions
 * (it reads none of the first run's messages again), yet its windows show the first run's latency.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/api/flows";
import { produceEdgeId } from "@/lib/flows/build-graph";
import { collectorFeature } from "@/server/collector/collector-feature";
import { flowsFeature } from "@/server/flows/flows-feature";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName } from "@/server/test-support/kafka";

const dir = mkdtempSync(path.join(tmpdir(), "es-latency-restart-"));
const orders = uniqueName("lr-orders");
const invoices = uniqueName("lr-invoices");
/** Message ids unique to this run: an earlier run's records with the same ids would be taken for copies. */
const run = uniqueName("run");
const config = testConfig({
  EVENTSCOPE_STORE: "embedded",
  EVENTSCOPE_DATA_DIR: dir,
  KAFKA_CLIENT_ID: uniqueName("es-lr"),
  EVENTSCOPE_LOOKBACK: "1m",
});
const start = () => startTestApp(config, { collector: collectorFeature, flows: flowsFeature });
const latency = async (app: TestApp) =>
  ((await (await fetch(`${app.url}/api/flows?window=5m`)).json()) as FlowGraph).latency;

beforeAll(async () => {
  await createTestTopics({ topic: orders }, { topic: invoices });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Ten orders, each invoiced by billing 250 ms after it was placed (causation id → the order's id). */
async function produceFlows(): Promise<void> {
  const producer = testKafka().producer();
  await producer.connect();
  const at = Date.now() - 5_000;
  for (let n = 0; n < 10; n++) {
    const headers = (service: string, id: string) => ({ service, "message-id": id });
    await producer.send({
      topic: orders,
      messages: [{ value: "{}", timestamp: String(at + n * 100), headers: headers("shop", `${run}-o-${n}`) }],
    });
    await producer.send({
      topic: invoices,
      messages: [
        {
          value: "{}",
          timestamp: String(at + n * 100 + 250),
          headers: { ...headers("billing", `${run}-i-${n}`), "causation-id": `${run}-o-${n}` },
        },
      ],
    });
  }
  await producer.disconnect();
}

describe("flow latency across a restart", () => {
  it("shows the first run's edge latency right after a restart that reads none of it again", async () => {
    const edge = produceEdgeId("billing", invoices);
    let app = await start();
    try {
      await produceFlows();
      const before = await eventually(
        async () => ((await latency(app)).edges[edge]?.count === 10 ? await latency(app) : undefined),
        30_000,
        "latency of the ten invoices",
      );
      expect(before.edges[edge]!.p50).toBeGreaterThanOrEqual(240);
    } finally {
      await app.close();
    }

    app = await start();
    try {
      const after = await eventually(
        async () => ((await latency(app)).edges[edge] ? await latency(app) : undefined),
        10_000,
        "the restored latency",
      );
      expect(after.edges[edge]).toMatchObject({ count: 10 });
      expect(after.edges[edge]!.p50).toBeGreaterThanOrEqual(240);
      expect(after.pathways.map((p) => p.id)).toContain(`${orders} → ${invoices}`);
    } finally {
      await app.close();
    }
  }, 60_000);
});
