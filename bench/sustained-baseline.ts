/** The sustained run's lag baseline: a bare kafkajs consumer that only counts what it read. */
import { randomUUID } from "node:crypto";
import { benchKafka } from "./support/kafka";

export async function startCountingConsumer(
  brokers: string[],
  topic: string,
): Promise<{ consumed(): number; stop(): Promise<void> }> {
  const consumer = benchKafka(brokers).consumer({ groupId: `bench-count-${randomUUID().slice(0, 8)}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let consumed = 0;
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => void (consumed += batch.messages.length),
  });
  return { consumed: () => consumed, stop: () => consumer.disconnect() };
}
