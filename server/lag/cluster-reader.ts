/**
 * Owns the one kafkajs admin of the lag poller. The admin is connected lazily and thrown away after a
 * failed poll (kafkajs does not always recover a half-dead connection) and after a poll in which a topic
 * could not be read: kafkajs keeps every topic it was asked about in its metadata targets, so a deleted
 * topic would otherwise fail each later metadata refresh.
 */
import { type Admin, logLevel } from "kafkajs";
import type { Config } from "@/server/config";
import { createKafka } from "@/server/kafka/client";
import { readCluster } from "@/server/lag/read-cluster";
import type { ClusterObservation } from "@/server/lag/types";
import type { Logger } from "@/server/logger";

export interface ClusterReader {
  read(): Promise<ClusterObservation>;
  close(): Promise<void>;
}

export function createClusterReader(config: Config, logger: Logger): ClusterReader {
  const kafka = createKafka(config.kafka, logger, {
    clientId: `${config.kafka.clientId}-lag`,
    // The poller reports failures itself, once per change; kafkajs would log every retry of every poll.
    level: logLevel.NOTHING,
    connectionTimeout: 3_000,
    requestTimeout: Math.min(30_000, Math.max(5_000, config.lagIntervalMs * 2)),
    retries: 1,
  });
  let admin: Admin | null = null;

  const discard = async () => {
    const stale = admin;
    admin = null;
    await stale?.disconnect().catch(() => undefined);
  };

  return {
    async read() {
      try {
        if (!admin) {
          admin = kafka.admin();
          await admin.connect();
        }
        const observation = await readCluster(admin);
        if (observation.failures.topics.length > 0) await discard();
        return observation;
      } catch (error) {
        await discard();
        throw error;
      }
    },
    close: discard,
  };
}
