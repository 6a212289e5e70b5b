/**
 * Queue vs processing time on a consume edge, against the real broker and the real lag poller: a group
 * that was stopped while orders piled up shows the wait as queue time, not as processing time.
 */
import type { KafkaMessage } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EdgeLatencyDetail } from "@/lib/api/flow-latency";
import { consumeEdgeId } from "@/lib/flows/build-graph";
import { collectorFeature } from "@/server/collector/collector-feature";
import { flowsFeature } from "@/server/flows/flows-feature";
import { lagFeature } from "@/server/lag";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName } from "@/server/test-support/kafka";

const orders = uniqueName("qt-orders");
const invoices = uniqueName("qt-invoices");
// Named after the service, behind a namespace, as the pairing expects (`shop.billing` reads for `billing`).
const group = `${uniqueName("qt")}.billing`;
const run = uniqueName("run");
const kafka = testKafka();
const producer = kafka.producer();
let app: TestApp;

beforeAll(async () => {
  await createTestTopics({ topic: orders, numPartitions: 1 }, { topic: invoices, numPartitions: 1 });
  await producer.connect();
  app = await startTestApp(
    testConfig({
      KAFKA_CLIENT_ID: uniqueName("es-qt"),
      EVENTSCOPE_LOOKBACK: "1m",
      EVENTSCOPE_LAG_INTERVAL: "500ms",
    }),
    { collector: collectorFeature, lag: lagFeature, flows: flowsFeature },
  );
}, 60_000);

afterAll(async () => {
  await producer.disconnect();
  await app?.close();
});

const order = (n: number) => ({ value: "{}", headers: { service: "shop", "message-id": `${run}-o-${n}` } });

/** billing: reads orders with `group` and answers each with an invoice caused by it, at once. */
async function billing(until: (read: number) => boolean): Promise<void> {
  const consumer = kafka.consumer({ groupId: group });
  await consumer.connect();
  await consumer.subscribe({ topic: orders, fromBeginning: true });
  let read = 0;
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }: { message: KafkaMessage }) => {
        const id = message.headers?.["message-id"]?.toString() ?? "";
        await producer.send({
          topic: invoices,
          messages: [
            { value: "{}", headers: { service: "billing", "message-id": `${id}-i`, "causation-id": id } },
          ],
        });
        if (until(++read)) resolve();
      },
    });
  });
  await done;
  // Let the group commit what it read, then leave it (its committed offset stays).
  await new Promise((r) => setTimeout(r, 1_500));
  await consumer.disconnect();
}

describe("queue time on a consume edge", () => {
  it("books the time a stopped group's orders waited as queue time and its quick answers as processing, within the poll precision", async () => {
    // The group first reads one order, so the poller knows where it stands before the others arrive.
    await producer.send({ topic: orders, messages: [order(0)] });
    await billing((read) => read >= 1);
    await producer.send({ topic: orders, messages: [1, 2, 3, 4].map(order) });
    // Long beside the poller's precision (up to ~2 s between polls on a busy CI machine, against the
    // configured 500 ms), short beside the pairing memory (30 s), however busy the shared broker is.
    await new Promise((r) => setTimeout(r, 8_000));
    await billing((read) => read >= 4);

    const edge = consumeEdgeId(orders, group);
    const detail = await eventually(
      async () => {
        const res = await fetch(`${app.url}/api/flows/edges/${encodeURIComponent(edge)}?window=5m`);
        const body = (await res.json()) as EdgeLatencyDetail;
        return (body.split?.queue?.count ?? 0) >= 3 ? body : undefined;
      },
      20_000,
      "queue times on the billing edge",
    );
    // The orders waited ~8 s for the stopped group, which then answered each within milliseconds. The
    // split is only as good as the poller's precision (± half the time between two polls, more than the
    // configured 500 ms on a busy machine), so that is the margin: queue ≈ the hop, processing ≈ 0.
    const { queue, processing, precisionMs } = detail.split!;
    const hop = detail.stats!.p50;
    expect(hop).toBeGreaterThanOrEqual(7_500);
    expect(precisionMs).toBeLessThan(hop / 2);
    expect(queue!.p50).toBeGreaterThanOrEqual(hop - precisionMs - 500);
    expect(processing!.p50).toBeLessThanOrEqual(precisionMs + 500);
  }, 60_000);
});
