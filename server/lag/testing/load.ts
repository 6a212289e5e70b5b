/** A steady producer for lag tests: one record every `everyMs`, spread over partitions, pausable. */
import type { Kafka } from "kafkajs";

export interface Load {
  pause(): Promise<void>;
  resume(): void;
  /** Records acknowledged so far. */
  sent(): number;
  stop(): Promise<void>;
}

export async function startLoad(
  kafka: Kafka,
  topic: string,
  partitions: number,
  everyMs = 50,
): Promise<Load> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  let sent = 0;
  let issued = 0;
  let paused = false;
  let stopped = false;
  let inFlight: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    if (paused || stopped) return;
    const partition = issued % partitions;
    issued += 1;
    inFlight = producer
      .send({ topic, acks: -1, messages: [{ partition, value: `record ${sent}` }] })
      .then(() => (sent += 1));
  }, everyMs);
  return {
    async pause() {
      paused = true;
      await inFlight;
    },
    resume() {
      paused = false;
    },
    sent: () => sent,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await inFlight.catch(() => undefined);
      await producer.disconnect();
    },
  };
}
