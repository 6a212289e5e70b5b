/**
 * A topic the DLQ scan has sampled is deleted: later scans must still find new dead-letter topics. (A Kafka
 * client fails every metadata refresh once a topic it was asked about is gone; the scan used to sample
 * through the shared admin client and stopped finding anything after one deletion.)
 */
import { expect, it } from "vitest";
import type { DlqTopicsResponse } from "@/lib/api/dlq";
import { testConfig } from "@/server/test-support/config";
import { createTestTopics, uniqueName, withAdmin } from "@/server/test-support/kafka";
import {
  ADMIN_TOKEN,
  kafka,
  signedIn,
  dlqTestScope,
  uniqueInternalTopics,
  waitFor,
} from "@/server/dlq/testing/support";

const scope = dlqTestScope();

async function send(topic: string, headers: Record<string, string>) {
  const producer = kafka().producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({ topic, messages: [{ key: "k", value: '{"n":1}', headers }] });
  await producer.disconnect();
}

it("keeps finding dead-letter topics by their headers after a sampled topic was deleted", async () => {
  const plain = uniqueName("plain-events");
  const late = uniqueName("late-failures");
  const topics = uniqueInternalTopics();
  scope.created.push(late, topics.ledger, topics.tasks, topics.audit);
  await createTestTopics({ topic: plain, numPartitions: 1 });
  await send(plain, { "content-type": "application/json" });

  const app = await scope.start(
    testConfig({ EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN, EVENTSCOPE_DLQ_SCAN_INTERVAL: "300ms" }),
    topics,
  );
  const c = await signedIn(app.url);
  await waitFor(
    "the first scans",
    async () => ((await c.get<DlqTopicsResponse>("/api/dlq")).body.state === "ready" ? true : null),
    60_000,
    300,
  );
  // Sampled (not a DLQ) by now; then it goes away, and a DLQ known only by its headers appears.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  await withAdmin((admin) => admin.deleteTopics({ topics: [plain] }));
  await createTestTopics({ topic: late, numPartitions: 1 });
  await send(late, { "x-original-topic": "orders", "x-exception-message": "stock service down" });

  const list = await waitFor(
    "the new dead-letter topic",
    async () => {
      const { body } = await c.get<DlqTopicsResponse>("/api/dlq");
      return body.topics.some((t) => t.topic === late) ? body : null;
    },
    45_000,
    300,
  );
  expect(list.topics.find((t) => t.topic === late)).toMatchObject({ recognisedBy: "headers" });
});
