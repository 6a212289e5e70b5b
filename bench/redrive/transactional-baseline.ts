/**
 * The re-drive baseline: a plain transactional kafkajs producer sending the same letters (key, value, trace
 * context) in the same batch size, one transaction per batch — what exactly-once delivery costs before
 * Eventscope adds its ledger records, planning and progress reporting.
 */
import { randomUUID } from "node:crypto";
import type { Message } from "kafkajs";
import { benchKafka } from "../support/kafka";

export async function transactionalProducerRate(
  brokers: string[],
  topic: string,
  messages: Message[],
  batchSize: number,
): Promise<number> {
  const producer = benchKafka(brokers).producer({
    transactionalId: `bench-baseline-${randomUUID().slice(0, 8)}`,
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // The retry timing Eventscope's re-drive producer uses: a transaction right after a commit meets
    // CONCURRENT_TRANSACTIONS until the markers are written, and kafkajs' default 300 ms first retry would
    // make the baseline measure that sleep instead of the broker.
    retry: { initialRetryTime: 20, maxRetryTime: 1_000, retries: 15 },
  });
  await producer.connect();
  try {
    const began = performance.now();
    for (let i = 0; i < messages.length; i += batchSize) {
      const tx = await producer.transaction();
      try {
        await tx.send({ topic, messages: messages.slice(i, i + batchSize) });
        await tx.commit();
      } catch (error) {
        await tx.abort().catch(() => undefined);
        throw error;
      }
    }
    return messages.length / ((performance.now() - began) / 1000);
  } finally {
    await producer.disconnect();
  }
}

/** The business part of the letters produceDeadLetters writes: what a re-drive sends back. */
export function letterMessages(count: number): Message[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `order-${i}`,
    value: JSON.stringify({ orderId: `order-${i}`, amount: 10 + (i % 7) }),
    headers: {
      traceparent: `00-${i.toString(16).padStart(32, "0").replace(/^0/, "a")}-00f067aa0ba902b7-01`,
      "x-redriven-from": `baseline/0/${i}`,
    },
  }));
}
