/** kafkajs clients for benchmarks: topic set-up, fast bulk produce, and produce at a fixed rate. */
import { type Admin, CompressionTypes, Kafka, type Message, logLevel } from "kafkajs";
import { createTopicsOn } from "@/server/test-support/kafka";
import { sleep } from "./stats";

export function benchKafka(brokers: string[], clientId = "eventscope-bench"): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
}

export async function withAdmin<T>(brokers: string[], fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = benchKafka(brokers).admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

export async function createTopic(brokers: string[], topic: string, partitions: number): Promise<void> {
  await createTopicsOn(brokers, [{ topic, numPartitions: partitions }]);
}

/**
 * Produces `count` records as fast as the broker takes them: big batches (one request carries 5,000
 * records spread over the partitions), a few requests in flight, acks from the leader only, no compression
 * (kafkajs has no built-in lz4). Returns records per second.
 */
export async function produceBulk(
  brokers: string[],
  topic: string,
  count: number,
  make: (i: number) => Message,
): Promise<number> {
  const producer = benchKafka(brokers).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const began = performance.now();
  const batch = 5_000;
  const inFlight = new Set<Promise<unknown>>();
  try {
    for (let start = 0; start < count; start += batch) {
      const messages = Array.from({ length: Math.min(batch, count - start) }, (_, k) => make(start + k));
      const send = producer.send({ topic, messages, acks: 1, compression: CompressionTypes.None });
      inFlight.add(send);
      void send.finally(() => inFlight.delete(send)).catch(() => undefined);
      if (inFlight.size >= 4) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await producer.disconnect();
  }
  return count / ((performance.now() - began) / 1000);
}

export interface RateProducer {
  /** Records sent so far. */
  sent(): number;
  stop(): Promise<void>;
}

/** One produce request stays well under the broker's 4 MiB message.max.bytes with ~1 kB records. */
const MAX_PER_SEND = 2_000;

/**
 * Produces `ratePerSec` records per second in small batches every 20 ms (so records spread evenly over the
 * second, as real traffic does), until stopped. Each record is made at send time, so a timestamp inside it
 * is the moment it was handed to Kafka. When the broker falls behind, the backlog is sent in bounded
 * requests. A failed send stops the producer and is thrown by stop().
 */
export async function produceAtRate(
  brokers: string[],
  topic: string,
  ratePerSec: number,
  make: (i: number) => Message,
): Promise<RateProducer> {
  const producer = benchKafka(brokers).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const tickMs = 20;
  const began = performance.now();
  let sent = 0;
  let stopped = false;
  let stopping: Promise<void> | null = null;
  const loop = (async () => {
    while (!stopped) {
      const due = Math.floor(((performance.now() - began) / 1000) * ratePerSec);
      const n = Math.min(MAX_PER_SEND, due - sent);
      if (n > 0) {
        const messages = Array.from({ length: n }, (_, k) => make(sent + k));
        sent += n;
        await producer.send({ topic, messages, acks: 1 });
      }
      if (due - sent <= 0) await sleep(tickMs);
    }
  })();
  let failure: unknown = null;
  loop.catch((error: unknown) => {
    failure = error;
    stopped = true;
  });
  return {
    sent: () => sent,
    stop() {
      stopped = true;
      stopping ??= loop
        .catch(() => undefined)
        .then(() => producer.disconnect())
        .then(() => {
          if (failure) throw failure;
        });
      return stopping;
    },
  };
}
