/** Helpers for integration tests against the real broker: unique names and ready-made clients. */
import { randomUUID } from "node:crypto";
import { type Admin, Kafka, logLevel } from "kafkajs";

export function testBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? "127.0.0.1:9092").split(",").map((b) => b.trim());
}

/** A name no other test (or earlier run) uses, so tests never share topics or groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function testKafka(clientId = uniqueName("test")): Kafka {
  return new Kafka({ clientId, brokers: testBrokers(), logLevel: logLevel.NOTHING });
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
