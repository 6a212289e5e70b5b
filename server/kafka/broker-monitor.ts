/**
 * Watches whether the cluster answers, so the UI can say "broker down" instead of showing stale data as
 * if it were live. One cheap metadata call per interval; a failed call drops the admin connection so the
 * next check starts clean (kafkajs does not always recover a half-dead connection on its own).
 */
import { type Admin, logLevel } from "kafkajs";
import type { BrokerStatus } from "@/lib/model/status";
import type { Config } from "@/server/config";
import { createKafka } from "@/server/kafka/client";
import { kafkaConnectionProblem } from "@/server/kafka/connection-problem";
import type { Logger } from "@/server/logger";

export interface BrokerMonitor {
  current(): BrokerStatus;
  /** Runs a check now and returns its result (also notifies listeners on change). */
  checkNow(): Promise<BrokerStatus>;
  onChange(listener: (status: BrokerStatus) => void): () => void;
  stop(): Promise<void>;
}

export function startBrokerMonitor(config: Config, logger: Logger, now = Date.now): BrokerMonitor {
  const log = logger.child({ component: "broker-monitor" });
  const timeout = Math.max(500, Math.min(config.brokerCheckIntervalMs, 3_000));
  const kafka = createKafka(config.kafka, log, {
    clientId: `${config.kafka.clientId}-monitor`,
    level: logLevel.NOTHING,
    connectionTimeout: timeout,
    requestTimeout: timeout,
    retries: 0,
  });
  const listeners = new Set<(s: BrokerStatus) => void>();
  let admin: Admin | null = null;
  let status: BrokerStatus = {
    state: "unknown",
    brokers: config.kafka.brokers.join(","),
    clusterBrokers: 0,
    controllerId: null,
    clusterId: null,
    since: now(),
    checkedAt: 0,
    error: null,
  };
  let inFlight: Promise<BrokerStatus> | null = null;
  let stopped = false;

  const update = (next: Omit<BrokerStatus, "since" | "brokers">) => {
    const changed = next.state !== status.state;
    status = { ...status, ...next, since: changed ? next.checkedAt : status.since };
    if (changed) {
      if (next.state === "up") log.info({ brokers: status.brokers }, "Kafka reachable");
      else log.warn({ brokers: status.brokers, error: next.error }, "Kafka unreachable");
      for (const l of listeners) l(status);
    }
  };

  const check = async (): Promise<BrokerStatus> => {
    try {
      if (!admin) {
        admin = kafka.admin();
        await admin.connect();
      }
      const cluster = await admin.describeCluster();
      update({
        state: "up",
        clusterBrokers: cluster.brokers.length,
        controllerId: cluster.controller,
        clusterId: cluster.clusterId,
        checkedAt: now(),
        error: null,
      });
    } catch (error) {
      const stale = admin;
      admin = null;
      await stale?.disconnect().catch(() => undefined);
      update({
        state: "down",
        clusterBrokers: 0,
        controllerId: null,
        clusterId: status.clusterId,
        checkedAt: now(),
        error: kafkaConnectionProblem(error),
      });
    }
    return status;
  };

  const checkNow = () => {
    inFlight ??= check().finally(() => (inFlight = null));
    return inFlight;
  };

  let timer: NodeJS.Timeout | null = null;
  const loop = async () => {
    await checkNow();
    if (!stopped) timer = setTimeout(loop, config.brokerCheckIntervalMs);
  };
  void loop();

  return {
    current: () => status,
    checkNow,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight?.catch(() => undefined);
      await admin?.disconnect().catch(() => undefined);
    },
  };
}
