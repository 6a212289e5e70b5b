/**
 * Which instance of a deployment does the work that must happen once per cluster (lag polling). Kafka
 * decides, no coordinator of our own: every instance joins the consumer group `<EVENTSCOPE_CLUSTER_NAME>-owner`
 * on a one-partition topic, and the member Kafka assigns partition 0 is the owner. When the owner stops,
 * it leaves the group and another instance is assigned at once; when it dies, its session times out
 * (OWNER_SESSION_TIMEOUT_MS) and the rebalance hands partition 0 to another. The topic stays empty: the
 * group is only a lease, so a rebalance costs nothing but the moment it takes.
 *
 * During a rebalance nobody owns (kafkajs revokes every partition first). After a network split the old
 * owner may keep polling until it notices, beside the new one, for at most a session: the owned work is
 * reads whose outcomes every instance applies in order, so two owners for a moment are harmless.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Consumer, Kafka } from "kafkajs";
import { ensureTopic } from "@/server/kafka/ensure-topic";
import type { Logger } from "@/server/logger";

/** Short, so the work moves quickly off a dead instance; the group carries no data to rebalance. */
export const OWNER_SESSION_TIMEOUT_MS = 10_000;
const RETRY_MS = 2_000;

/** Names the instance that did owned work, on every record it publishes (for operators and tests). */
export const INSTANCE_HEADER = "eventscope-instance";

export interface OwnershipNames {
  group: string;
  topic: string;
}

export function ownershipNames(clusterName: string): OwnershipNames {
  return { group: `${clusterName}-owner`, topic: `__eventscope_${clusterName}_owner` };
}

export interface Ownership {
  readonly names: OwnershipNames;
  /** This instance, as `host/pid/random`: what the owner's published work says about who did it. */
  readonly instance: string;
  isOwner(): boolean;
  /** Called with every change of this instance's ownership; returns the unsubscribe function. */
  onChange(listener: (owner: boolean) => void): () => void;
  stop(): Promise<void>;
}

/** Joins the owner group in the background (retrying while Kafka is down), so a start never waits on it. */
export function startOwnership(kafka: Kafka, names: OwnershipNames, logger: Logger): Ownership {
  const listeners = new Set<(owner: boolean) => void>();
  let owner = false;
  let consumer: Consumer | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const set = (next: boolean) => {
    if (next === owner) return;
    owner = next;
    logger.info({ group: names.group }, next ? "this instance owns the cluster-wide work" : "ownership lost");
    for (const l of listeners) l(next);
  };

  const join = async () => {
    const c = kafka.consumer({
      groupId: names.group,
      sessionTimeout: OWNER_SESSION_TIMEOUT_MS,
      rebalanceTimeout: OWNER_SESSION_TIMEOUT_MS,
      heartbeatInterval: 1_000,
      allowAutoTopicCreation: false,
    });
    consumer = c;
    c.on(c.events.GROUP_JOIN, ({ payload }) =>
      set((payload.memberAssignment[names.topic] ?? []).includes(0)),
    );
    c.on(c.events.REBALANCING, () => set(false));
    c.on(c.events.STOP, () => set(false));
    c.on(c.events.CRASH, ({ payload }) => {
      set(false);
      // kafkajs restarts the consumer itself after a retriable crash; otherwise join again from scratch.
      if (!payload.restart) void c.disconnect().finally(schedule);
    });
    try {
      const admin = kafka.admin();
      await admin.connect();
      await ensureTopic(admin, { topic: names.topic, numPartitions: 1 }).finally(() => admin.disconnect());
      await c.connect();
      await c.subscribe({ topic: names.topic });
      await c.run({ autoCommit: false, eachBatch: async () => undefined });
    } catch (error) {
      logger.warn({ err: error, group: names.group }, "could not join the owner group; retrying");
      await c.disconnect().catch(() => undefined);
      schedule();
    }
  };

  const schedule = () => {
    if (!stopped) retry = setTimeout(() => void join(), RETRY_MS);
  };

  void join();
  return {
    names,
    instance: `${os.hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
    isOwner: () => owner,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      set(false);
      await consumer?.disconnect().catch(() => undefined);
    },
  };
}
