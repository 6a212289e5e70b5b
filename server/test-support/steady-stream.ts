/**
 * A producer that sends one record every 100 ms across a topic's partitions, through broker outages: a
 * send that fails is logged as failed and the stream goes on with the next record, as an application's
 * producer does. Tests ask where the records it managed to send landed.
 */
import type { Kafka } from "kafkajs";

export interface SentRecord {
  partition: number;
  offset: string;
  sentAt: number;
}

export interface SteadyStream {
  /** Records the broker acknowledged so far. */
  sent(): number;
  /** The first acknowledged record whose send began after `at`, if any yet. */
  firstSentAfter(at: number): SentRecord | undefined;
  stop(): Promise<void>;
}

export async function startSteadyStream(
  kafka: Kafka,
  topic: string,
  partitions: number,
): Promise<SteadyStream> {
  // Few, quick retries: during an outage a send fails fast and the stream moves on.
  const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 1 } });
  await producer.connect();
  const acked: SentRecord[] = [];
  let running = true;
  let n = 0;
  const loop = (async () => {
    while (running) {
      const sentAt = Date.now();
      const partition = n % partitions;
      n += 1;
      try {
        const [result] = await producer.send({
          topic,
          timeout: 2_000,
          messages: [{ partition, value: JSON.stringify({ n, sentAt }) }],
        });
        if (result?.baseOffset !== undefined) acked.push({ partition, offset: result.baseOffset, sentAt });
      } catch {
        // The broker is away: this record is not sent; the next one tries again.
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    sent: () => acked.length,
    firstSentAfter: (at) => acked.find((r) => r.sentAt >= at),
    async stop() {
      if (!running) return;
      running = false;
      await loop;
      await producer.disconnect().catch(() => undefined);
    },
  };
}
