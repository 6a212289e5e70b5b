/** Helpers for integration tests against the real broker: unique names and ready-made clients. */
import { randomUUID } from "node:crypto";
import { type Admin, type ITopicConfig, Kafka, logLevel } from "kafkajs";
import { eventually } from "@/server/test-support/eventually";

export function testBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? "127.0.0.1:9092").split(",").map((b) => b.trim());
}

/** A name no other test (or earlier run) uses, so tests never share topics or groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function testKafka(clientId = uniqueName("test"), brokers = testBrokers()): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
}

export async function withAdmin<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Deletes the topics a test file created, once it is done. Best effort: a topic the test deleted itself, or a
 * broker that went away, must not fail the file after its tests passed.
 */
export async function deleteTestTopics(topics: string[]): Promise<void> {
  if (topics.length === 0) return;
  await withAdmin((admin) => admin.deleteTopics({ topics })).catch(() => undefined);
}

/**
 * Creates topics (ones that exist already are kept) and returns once every partition can be read: each has a
 * leader in the metadata *and* that leader answers for it. kafkajs' own `waitForLeaders` stops at the
 * metadata, and a busy broker can name itself leader a moment before it has loaded the partition, which
 * the test's first request then meets as "This server does not host this topic-partition".
 */
export async function createTestTopics(...topics: ITopicConfig[]): Promise<void> {
  await createTopicsOn(testBrokers(), topics);
}

/** `createTestTopics` on another broker than the tests' own (a benchmark's, a test's private broker). */
export async function createTopicsOn(brokers: string[], topics: ITopicConfig[]): Promise<void> {
  const admin = testKafka(uniqueName("test"), brokers).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics }).catch((error: unknown) => {
      if (!(error instanceof Error && /already exists/i.test(error.message))) throw error;
    });
    for (const { topic } of topics) {
      await eventually(
        async () => {
          const [meta] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
          if (!meta || meta.partitions.length === 0 || meta.partitions.some((p) => p.leader < 0))
            return undefined;
          await admin.fetchTopicOffsets(topic);
          return true;
        },
        30_000,
        `the leaders of ${topic}`,
      );
    }
  } finally {
    await admin.disconnect();
  }
}
