/**
 * A topic an admin client asked about is deleted by someone else: the client must still answer about
 * other topics. A plain kafkajs admin does not (checked first, so this test shows why the renewing one
 * exists and would notice if kafkajs ever changed).
 */
import type { Admin } from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import { renewingAdmin } from "@/server/kafka/renewing-admin";
import {
  createTestTopics,
  deleteTestTopics,
  testKafka,
  uniqueName,
  withAdmin,
} from "@/server/test-support/kafka";

const created: string[] = [];
afterAll(async () => {
  await deleteTestTopics(created);
});

async function createTopic(prefix: string): Promise<string> {
  const topic = uniqueName(prefix);
  await createTestTopics({ topic, numPartitions: 2 });
  created.push(topic);
  return topic;
}

/** Asks `admin` about a topic, deletes that topic through another client, then asks about a new one. */
async function askAfterDeletion(admin: Admin): Promise<unknown> {
  const doomed = await createTopic("doomed");
  expect(await admin.fetchTopicOffsets(doomed)).toHaveLength(2);
  await withAdmin((other) => other.deleteTopics({ topics: [doomed] }));
  const fresh = await createTopic("fresh");
  return admin.fetchTopicOffsets(fresh);
}

describe("an admin client after a topic it knew was deleted elsewhere", () => {
  it("a plain kafkajs admin fails to answer about any new topic", async () => {
    const admin = testKafka().admin({ retry: { retries: 0 } });
    await admin.connect();
    try {
      await expect(askAfterDeletion(admin)).rejects.toThrow(/does not host this topic-partition/);
    } finally {
      await admin.disconnect();
    }
  });

  it("the renewing admin answers about the new topic, and about it again later", async () => {
    const kafka = testKafka();
    const admin = renewingAdmin(kafka);
    await admin.connect();
    try {
      expect(await askAfterDeletion(admin)).toHaveLength(2);
      const later = await createTopic("later");
      expect(await admin.fetchTopicOffsets(later)).toHaveLength(2);
      expect(await admin.listTopics()).toContain(later);
    } finally {
      await admin.disconnect();
    }
  });
});
