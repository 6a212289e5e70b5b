/** Records everything written to the demo's topics, for assertions on whole event chains. */
import type { Kafka } from "kafkajs";
import { parseTraceparent } from "@/lib/decode";
import { headerText } from "../messaging/headers";

export interface Recorded {
  topic: string;
  partition: number;
  offset: string;
  key: string | undefined;
  value: Buffer | null;
  /** First value of each header, as UTF-8 text. */
  headers: Record<string, string>;
  timestamp: number;
}

export class TopicRecorder {
  readonly records: Recorded[] = [];

  private constructor(private readonly stopConsumer: () => Promise<void>) {}

  static async start(kafka: Kafka, groupId: string, topics: string[]): Promise<TopicRecorder> {
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
    const recorder = new TopicRecorder(() => consumer.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const name of Object.keys(message.headers ?? {})) {
          headers[name] = headerText(message.headers, name) ?? "";
        }
        recorder.records.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString("utf8"),
          value: message.value,
          headers,
          timestamp: Number(message.timestamp),
        });
      },
    });
    return recorder;
  }

  /** Waits until at least `count` records match, then returns all that match. */
  async waitFor(
    what: string,
    match: (r: Recorded) => boolean,
    count = 1,
    timeoutMs = 15_000,
  ): Promise<Recorded[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.records.filter(match);
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting for ${count} × ${what}; found ${found.length} of ${this.records.length} records`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The one record on `topic` with `key` and event type `type` (fails when there is none, or several). */
  one(topic: string, key: string, type: string): Recorded {
    const found = this.records.filter(
      (r) => r.topic === topic && r.key === key && r.headers.ce_type === type,
    );
    if (found.length !== 1)
      throw new Error(`expected one ${type} for ${key} on ${topic}, found ${found.length}`);
    return found[0] as Recorded;
  }

  stop(): Promise<void> {
    return this.stopConsumer();
  }
}

export const spanOf = (r: Recorded) => parseTraceparent(r.headers.traceparent ?? "")?.parentId;
export const traceOf = (r: Recorded) => parseTraceparent(r.headers.traceparent ?? "")?.traceId;
/** Matches the records of one order's event `type` on `topic`. */
export const ofOrder = (topic: string, orderId: string, type: string) => (r: Recorded) =>
  r.topic === topic && r.key === orderId && r.headers.ce_type === type;
