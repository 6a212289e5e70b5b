/** Baseline (a): a kafkajs consumer whose eachBatch does nothing per record — the floor kafkajs itself costs. */
import { randomUUID } from "node:crypto";
import { benchKafka } from "../support/kafka";

/** Reads `count` records of `topic` from the beginning; returns records/s from first batch to the last. */
export async function bareKafkajsRate(brokers: string[], topic: string, count: number): Promise<number> {
  const consumer = benchKafka(brokers).consumer({
    groupId: `bench-bare-${randomUUID().slice(0, 8)}`,
    maxBytes: 50 * 1024 * 1024,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let seen = 0;
  let first = 0;
  let last = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            if (seen === 0) first = performance.now();
            seen += batch.messages.length;
            if (seen >= count && last === 0) {
              last = performance.now();
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return count / ((last - first) / 1000);
}
