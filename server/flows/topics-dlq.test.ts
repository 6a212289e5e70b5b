/** /api/topics and /api/dlq give one answer on which topics are dead-letter queues. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TopicsResponse } from "@/lib/api/flows";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName } from "@/server/test-support/kafka";

let app: TestApp;
const topic = uniqueName("billing-failures");

beforeAll(async () => {
  await createTestTopics({ topic, numPartitions: 1 });
  const producer = testKafka().producer();
  await producer.connect();
  await producer.send({
    topic,
    messages: [{ value: "{}", headers: { "x-original-topic": "billing", "x-error-type": "Timeout" } }],
  });
  await producer.disconnect();
  app = await startTestApp(
    testConfig({
      KAFKA_CLIENT_ID: uniqueName("es"),
      EVENTSCOPE_LOOKBACK: "5m",
      EVENTSCOPE_DLQ_SCAN_INTERVAL: "300ms",
    }),
  );
});

afterAll(async () => {
  await app?.close();
});

describe("/api/topics", () => {
  it("marks a topic recognised as a DLQ by its dead-letter headers, not only by its name", async () => {
    const listed = await eventually(
      async () => {
        const { topics } = (await (await fetch(`${app.url}/api/topics`)).json()) as TopicsResponse;
        return topics.find((t) => t.name === topic && t.isDlq);
      },
      30_000,
      "the header-recognised DLQ marked isDlq",
    );
    expect(listed.isDlq).toBe(true);
  });
});
