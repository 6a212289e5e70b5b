/** The latency baseline: a bare kafkajs consumer's produce→consume latency on the same topic, same run. */
import { randomUUID } from "node:crypto";
import type { Consumer } from "kafkajs";
import { benchKafka } from "../support/kafka";

export interface LatencyConsumer {
  latencies: number[];
  reset(): void;
  stop(): Promise<void>;
}

export async function startLatencyConsumer(brokers: string[], topic: string): Promise<LatencyConsumer> {
  const consumer: Consumer = benchKafka(brokers).consumer({
    groupId: `bench-latency-${randomUUID().slice(0, 8)}`,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: false });
  const c: LatencyConsumer = {
    latencies: [],
    reset: () => void (c.latencies = []),
    stop: () => consumer.disconnect(),
  };
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      const now = Date.now();
      for (const m of batch.messages) c.latencies.push(now - Number(m.timestamp));
    },
  });
  await joined;
  return c;
}
