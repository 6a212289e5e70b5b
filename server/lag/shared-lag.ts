/**
 * Consumer lag in a deployment of several instances: only the owner (server/cluster/ownership.ts) polls
 * the cluster; it publishes every poll outcome to the one-partition topic `__eventscope_<cluster>_lag`,
 * and every instance — the owner too — applies the outcomes it reads back from there, in topic order. So
 * all instances build the same state from the same records and answer `/api/lag` alike, and an instance
 * that takes over polling already holds the history the previous owner built. The topic keeps a little
 * more than the hour of history the service shows, so an instance that starts later reads that hour too.
 */
import { randomUUID } from "node:crypto";
import { CompressionTypes, type ITopicConfig, type Consumer, type Kafka, type Producer } from "kafkajs";
import { INSTANCE_HEADER, type Ownership } from "@/server/cluster/ownership";
import { ensureTopic } from "@/server/kafka/ensure-topic";
import { decodeOutcome, encodeOutcome } from "@/server/lag/outcome-record";
import { type LagPoller, type PollOutcome, startLagPoller } from "@/server/lag/poller";
import type { RecordingLagService } from "@/server/lag/service";
import type { ClusterObservation } from "@/server/lag/types";
import type { Logger } from "@/server/logger";

const HOUR_MS = 3_600_000;
const SEGMENT_MS = 5 * 60_000;
/** Room for the observation of a large cluster (thousands of groups); records are gzip-compressed. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const RETRY_MS = 2_000;

export function sharedLagTopic(clusterName: string): string {
  return `__eventscope_${clusterName}_lag`;
}

export interface SharedLag {
  stop(): Promise<void>;
}

export function startSharedLag(options: {
  kafka: Kafka;
  topic: string;
  ownership: Ownership;
  service: RecordingLagService;
  read: () => Promise<ClusterObservation>;
  intervalMs: number;
  /** Prefix of this instance's reading group (`<KAFKA_CLIENT_ID>-lag-<uuid>`, an internal group). */
  groupPrefix: string;
  logger: Logger;
}): SharedLag {
  const { kafka, topic, ownership, service, logger } = options;
  const admin = kafka.admin();
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: false });
  const groupId = `${options.groupPrefix}-lag-${randomUUID()}`;
  let consumer: Consumer | null = null;
  let poller: LagPoller | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  let unsubscribe: () => void = () => undefined;

  const publish = async (outcome: PollOutcome) => {
    await producer.send({
      topic,
      compression: CompressionTypes.GZIP,
      messages: [{ value: encodeOutcome(outcome), headers: { [INSTANCE_HEADER]: ownership.instance } }],
    });
  };

  const follow = async () => {
    const c = kafka.consumer({ groupId, maxWaitTimeInMs: 250, allowAutoTopicCreation: false });
    consumer = c;
    await c.connect();
    await c.subscribe({ topic, fromBeginning: true });
    await c.run({
      autoCommit: false,
      eachMessage: async ({ message }) => {
        const outcome = decodeOutcome(message.value);
        if (outcome) service.record(outcome);
        else logger.warn({ topic, offset: message.offset }, "skipped a lag record this version cannot read");
      },
    });
  };

  const ownershipChanged = (owner: boolean) => {
    if (owner && !poller && !stopped) {
      poller = startLagPoller({
        intervalMs: options.intervalMs,
        read: options.read,
        deliver: publish,
        logger,
      });
    } else if (!owner && poller) {
      const old = poller;
      poller = null;
      void old.stop();
    }
  };

  const start = async () => {
    try {
      await admin.connect();
      await ensureTopic(admin, lagTopicSpec(topic));
      await producer.connect();
      await follow();
      if (stopped) return;
      unsubscribe = ownership.onChange(ownershipChanged);
      ownershipChanged(ownership.isOwner());
    } catch (error) {
      logger.warn({ err: error, topic }, "shared lag not started; retrying");
      await consumer?.disconnect().catch(() => undefined);
      consumer = null;
      if (!stopped) retry = setTimeout(() => void start(), RETRY_MS);
    }
  };
  void start();

  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      unsubscribe();
      ownershipChanged(false);
      await consumer?.disconnect().catch(() => undefined);
      await producer.disconnect().catch(() => undefined);
      // The reading group never commits (every start reads the topic again): nothing to keep.
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    },
  };
}

function lagTopicSpec(topic: string): ITopicConfig {
  return {
    topic,
    numPartitions: 1,
    configEntries: [
      { name: "cleanup.policy", value: "delete" },
      // The hour of history the lag service shows, plus the segment that is deleted as a whole.
      { name: "retention.ms", value: String(HOUR_MS + SEGMENT_MS) },
      { name: "segment.ms", value: String(SEGMENT_MS) },
      { name: "max.message.bytes", value: String(MAX_RECORD_BYTES) },
    ],
  };
}
