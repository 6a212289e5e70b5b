/**
 * Eventscope's own per-group figures that kafka-lag-exporter has no name for: Burrow status, time to
 * drain, unknown partitions, members, produce rate.
 */
import type { Registry } from "prom-client";
import type { GroupStatus, PartitionStatus } from "@/lib/lag";
import { lazyGauge } from "@/server/metrics/lazy-metrics";
import type { LagRows } from "@/server/metrics/lag-metrics";

/** LinkedIn Burrow's numeric status codes (its StatusConstant), so a graph orders them by severity. */
export const BURROW_STATUS_CODE: Record<PartitionStatus | GroupStatus, number> = {
  OK: 1,
  WARN: 2,
  ERR: 3,
  STOP: 4,
  STALL: 5,
  REWIND: 6,
};

function worstStatus(statuses: readonly PartitionStatus[]): PartitionStatus | null {
  let worst: PartitionStatus | null = null;
  for (const s of statuses)
    if (worst === null || BURROW_STATUS_CODE[s] > BURROW_STATUS_CODE[worst]) worst = s;
  return worst;
}

export function registerConsumerGroupMetrics(registry: Registry, rows: LagRows): void {
  const topicRows = () => rows.topics();
  const userGroups = () => rows.groups();
  const topicLabels = ["group", "topic"];
  lazyGauge(
    registry,
    {
      name: "eventscope_consumergroup_topic_lag_seconds",
      help: "Time lag of a consumer group on a topic: the largest over its partitions",
      labelNames: topicLabels,
    },
    (emit) => {
      for (const { group, topic } of topicRows())
        if (topic.maxTimeLagSeconds !== null)
          emit({ group: group.group, topic: topic.topic }, topic.maxTimeLagSeconds);
    },
  );
  lazyGauge(
    registry,
    {
      name: "eventscope_consumergroup_topic_unknown_lag_partitions",
      help: "Partitions of the topic where the group never committed: their lag is unknown, not counted",
      labelNames: topicLabels,
    },
    (emit) => {
      for (const { group, topic } of topicRows())
        emit({ group: group.group, topic: topic.topic }, topic.unknownPartitions);
    },
  );
  lazyGauge(
    registry,
    {
      name: "eventscope_consumergroup_topic_status",
      help: "Burrow status of the group's worst partition of the topic (1 OK, 2 WARN, 4 STOP, 5 STALL, 6 REWIND; label status)",
      labelNames: [...topicLabels, "status"],
    },
    (emit) => {
      for (const { group, topic } of topicRows()) {
        const status = worstStatus(topic.statuses);
        if (status) emit({ group: group.group, topic: topic.topic, status }, BURROW_STATUS_CODE[status]);
      }
    },
  );
  lazyGauge(
    registry,
    {
      name: "eventscope_consumergroup_status",
      help: "Burrow status of the consumer group (1 OK, 2 WARN, 3 ERR; label status)",
      labelNames: ["group", "status"],
    },
    (emit) => {
      for (const g of userGroups())
        if (g.status) emit({ group: g.group, status: g.status }, BURROW_STATUS_CODE[g.status]);
    },
  );
  lazyGauge(
    registry,
    {
      name: "eventscope_consumergroup_topic_drain_seconds",
      help: "Seconds until the group has read the topic's lag at the last minute's pace (0 caught up, +Inf never)",
      labelNames: topicLabels,
    },
    (emit) => {
      for (const { group, topic } of topicRows()) {
        const drain = topic.timeToDrainSeconds;
        if (drain !== null)
          emit(
            { group: group.group, topic: topic.topic },
            drain === "never" ? Number.POSITIVE_INFINITY : drain,
          );
      }
    },
  );
  lazyGauge(
    registry,
    {
      name: "eventscope_consumergroup_members",
      help: "Members of the consumer group",
      labelNames: ["group", "state"],
    },
    (emit) => {
      for (const g of userGroups()) emit({ group: g.group, state: g.state }, g.members);
    },
  );
  lazyGauge(
    registry,
    {
      name: "eventscope_topic_produced_messages_per_second",
      help: "Messages per second written to the topic over the last minute (topics some group reads)",
      labelNames: ["topic"],
    },
    (emit) => {
      const rates = new Map<string, number>();
      for (const { topic } of topicRows())
        if (topic.produceRate !== null)
          rates.set(topic.topic, Math.max(rates.get(topic.topic) ?? 0, topic.produceRate));
      for (const [topic, rate] of rates) emit({ topic }, rate);
    },
  );
}
