/** A DLQ topic reader leaves no consumer group behind once it stops (restarts used to pile them up). */
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_DLQ_PATTERNS } from "@/lib/dlq";
import { LetterStore } from "@/server/dlq/letter-store";
import { kafka } from "@/server/dlq/testing/support";
import { TopicReader } from "@/server/dlq/topic-reader";
import { eventually } from "@/server/test-support/eventually";
import { testLogger } from "@/server/test-support/silent-logger";
import { createTestTopics, deleteTestTopics, uniqueName, withAdmin } from "@/server/test-support/kafka";

const dlqTopic = `${uniqueName("reader-orders")}.DLQ`;
afterAll(async () => {
  await deleteTestTopics([dlqTopic]);
});

const groupsNamed = (prefix: string) =>
  withAdmin(async (admin) =>
    (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => id.startsWith(`${prefix}-`)),
  );

describe("TopicReader", () => {
  it("deletes its consumer group when it stops", async () => {
    await createTestTopics({ topic: dlqTopic, numPartitions: 1 });
    const client = kafka();
    const producer = client.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({
      topic: dlqTopic,
      messages: [{ value: "poison", headers: { "x-original-topic": "orders" } }],
    });
    await producer.disconnect();

    const prefix = uniqueName("reader-test");
    const admin = client.admin();
    await admin.connect();
    const store = new LetterStore(dlqTopic, 1_000, [...DEFAULT_DLQ_PATTERNS]);
    const reader = new TopicReader(client, admin, store, prefix, testLogger(), () => undefined);
    try {
      await reader.start();
      await eventually(async () => (reader.loaded ? true : undefined), 30_000, "the DLQ topic to be read");
      expect(store.all()).toHaveLength(1);
      expect(await groupsNamed(prefix)).toEqual([expect.stringMatching(new RegExp(`^${prefix}-dlq-`))]);
    } finally {
      await reader.stop();
      await admin.disconnect();
    }
    expect(await groupsNamed(prefix)).toEqual([]);
  });
});
