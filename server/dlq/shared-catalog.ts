/**
 * The DLQ catalogue of a deployment of several instances, decided once: only the owner instance
 * (server/cluster/ownership.ts) looks for DLQ topics — listing names, sampling unknown topics for
 * dead-letter headers — and publishes what it finds to the compacted topic
 * `__eventscope_<cluster>_dlq_topics` (key: the DLQ topic; a tombstone when it is gone). Every instance,
 * the owner too, follows that topic into its catalogue and reads the letters of the DLQ topics listed
 * there, so all instances list the same DLQs, and a new owner starts from the catalogue as published.
 */
import { randomUUID } from "node:crypto";
import type { Admin, Consumer, Kafka, Producer } from "kafkajs";
import { z } from "zod";
import { INSTANCE_HEADER, type Ownership } from "@/server/cluster/ownership";
import { ensureTopic } from "@/server/kafka/ensure-topic";
import { parseRecord } from "@/server/dlq/records";
import type { DlqTopicInfo } from "@/server/dlq/topic-catalog";

export function sharedCatalogTopic(clusterName: string): string {
  return `__eventscope_${clusterName}_dlq_topics`;
}

const infoSchema = z.object({
  v: z.literal(1),
  topic: z.string(),
  recognisedBy: z.enum(["name", "headers"]),
  partitions: z.number().int(),
});

export class SharedCatalog {
  private consumer: Consumer | null = null;
  private readonly groupId: string;

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly ownership: Ownership,
    groupPrefix: string,
  ) {
    this.groupId = `${groupPrefix}-dlq-catalog-${randomUUID()}`;
  }

  isOwner(): boolean {
    return this.ownership.isOwner();
  }

  /** Follows the published catalogue from its start: `found` for each DLQ topic, `gone` for each tombstone. */
  async follow(found: (info: DlqTopicInfo) => void, gone: (topic: string) => void): Promise<void> {
    await ensureTopic(this.admin, {
      topic: this.topic,
      numPartitions: 1,
      configEntries: [{ name: "cleanup.policy", value: "compact" }],
    });
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      maxWaitTimeInMs: 250,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message }) => {
        const key = message.key?.toString("utf8") ?? "";
        if (message.value === null) return gone(key);
        const info = parseRecord(infoSchema, message.value);
        if (info?.topic === key)
          found({ topic: info.topic, recognisedBy: info.recognisedBy, partitions: info.partitions });
      },
    });
  }

  /** Publishes what the owner's scan found and what disappeared. */
  async publish(found: readonly DlqTopicInfo[], gone: readonly string[]): Promise<void> {
    if (found.length + gone.length === 0) return;
    const headers = { [INSTANCE_HEADER]: this.ownership.instance };
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: [
        ...found.map((info) => ({ key: info.topic, value: JSON.stringify({ v: 1, ...info }), headers })),
        ...gone.map((topic) => ({ key: topic, value: null, headers })),
      ],
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    this.consumer = null;
    // The group never commits (the catalogue is read from the start each time): nothing to keep.
    await this.admin.deleteGroups([this.groupId]).catch(() => undefined);
  }
}
