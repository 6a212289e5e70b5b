/**
 * Reads one DLQ topic from the beginning into its LetterStore and keeps following it (read_committed,
 * a fresh consumer group per start, no commits: the topic itself is the state). `loaded` turns true once
 * the topic has been read up to the end it had when the reader started.
 *
 * The group is unique per start because every Eventscope instance must read every partition itself (a
 * shared group would split them); it is deleted again on stop, so restarts do not pile up empty groups.
 */
import { randomUUID } from "node:crypto";
import type { Admin, Consumer, Kafka } from "kafkajs";
import type { Logger } from "@/server/logger";
import { ConsumerProgress, endOffsets } from "@/server/dlq/consumer-progress";
import type { LetterStore } from "@/server/dlq/letter-store";

export class TopicReader {
  loaded = false;
  private consumer: Consumer | null = null;
  private stopped = false;
  private readonly groupId: string;

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    readonly store: LetterStore,
    groupPrefix: string,
    private readonly log: Logger,
    private readonly onLetters: (topic: string) => void,
  ) {
    this.groupId = `${groupPrefix}-dlq-${randomUUID()}`;
  }

  async start(): Promise<void> {
    const topic = this.store.topic;
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      readUncommitted: false,
      maxWaitTimeInMs: 250,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    const progress = new ConsumerProgress(consumer);
    const ends = await endOffsets(this.admin, [topic]);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        let added = false;
        for (const message of batch.messages) {
          try {
            added = this.store.add(batch.partition, message) || added;
          } catch (error) {
            // Decoding never throws by contract; a bug there must still not stop the reader.
            this.log.warn({ err: error, topic, offset: message.offset }, "dead letter skipped");
          }
        }
        if (added) this.onLetters(topic);
      },
    });
    void progress.waitFor(ends, 24 * 3_600_000).then((ok) => {
      if (ok && !this.stopped) {
        this.loaded = true;
        this.onLetters(topic);
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const consumer = this.consumer;
    this.consumer = null;
    if (!consumer) return;
    await consumer.disconnect().catch(() => undefined);
    // Best effort: with the broker gone the group stays, and Kafka drops it later (it has no offsets).
    await this.admin.deleteGroups([this.groupId]).catch(() => undefined);
  }
}
