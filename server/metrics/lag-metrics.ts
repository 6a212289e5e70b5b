/**
 * Consumer-lag series. Where kafka-lag-exporter has a metric for the same figure, the series carries its
 * name and label names (`group`, `topic`, `partition`), so existing dashboards and alerts work unchanged;
 * Eventscope's own figures (Burrow status, time to drain, …) are `eventscope_consumergroup_*`. Eventscope's
 * own consumer groups are left out: they are not the user's consumers, and their names change per start.
 */
import type { Registry } from "prom-client";
import type { GroupStatus, PartitionStatus } from "@/lib/lag";
import type { GroupFigures, TopicFigures } from "@/server/lag";
import { type Emit, lazyGauge } from "@/server/metrics/lazy-metrics";
import type { LagFigures } from "@/server/metrics/sources";

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

type TopicRow = { group: GroupFigures; topic: TopicFigures };

export function registerLagMetrics(registry: Registry, read: () => LagFigures | undefined): void {
  const userGroups = () => (read()?.groups ?? []).filter((g) => !g.internal);
  const topicRows = function* (): Generator<TopicRow> {
    for (const group of userGroups()) for (const topic of group.topics) yield { group, topic };
  };
  const perPartition = (
    pick: (p: TopicFigures["partitions"][number]) => number | null,
  ): ((emit: Emit) => void) => {
    return (emit) => {
      for (const { group, topic } of topicRows())
        for (const p of topic.partitions) {
          const value = pick(p);
          if (value !== null) emit({ group: group.group, topic: topic.topic, partition: p.partition }, value);
        }
    };
  };
  const partitionLabels = ["group", "topic", "partition"];
  const topicLabels = ["group", "topic"];

  lazyGauge(
    registry,
    {
      name: "kafka_consumergroup_group_lag",
      help: "Offset lag of a consumer group on a partition, in messages (absent while unknown)",
      labelNames: partitionLabels,
    },
    perPartition((p) => p.lag),
  );
  lazyGauge(
    registry,
    {
      name: "kafka_consumergroup_group_lag_seconds",
      help: "Time lag of a consumer group on a partition: estimated age of the next record it reads",
      labelNames: partitionLabels,
    },
    perPartition((p) => p.timeLagSeconds),
  );
  lazyGauge(
    registry,
    {
      name: "kafka_consumergroup_group_offset",
      help: "Committed offset of a consumer group on a partition",
      labelNames: partitionLabels,
    },
    perPartition((p) => p.committedOffset),
  );
  lazyGauge(
    registry,
    {
      name: "kafka_partition_latest_offset",
      help: "End offset (last stable offset) of a partition read by a consumer group",
      labelNames: ["topic", "partition"],
    },
    (emit) => {
      const seen = new Set<string>();
      for (const { topic } of topicRows())
        for (const p of topic.partitions) {
          const key = `${topic.topic}\u0000${p.partition}`;
          if (p.endOffset === null || seen.has(key)) continue;
          seen.add(key);
          emit({ topic: topic.topic, partition: p.partition }, p.endOffset);
        }
    },
  );
  lazyGauge(
    registry,
    {
      name: "kafka_consumergroup_group_topic_sum_lag",
      help: "Offset lag of a consumer group on a topic, summed over its partitions with a known lag",
      labelNames: topicLabels,
    },
    (emit) => {
      for (const { group, topic } of topicRows()) emit({ group: group.group, topic: topic.topic }, topic.lag);
    },
  );
  lazyGauge(
    registry,
    {
      name: "kafka_consumergroup_group_max_lag_seconds",
      help: "Largest time lag of a consumer group over its partitions",
      labelNames: ["group"],
    },
    (emit) => {
      for (const group of userGroups()) {
        const known = group.topics.flatMap((t) =>
          t.maxTimeLagSeconds === null ? [] : [t.maxTimeLagSeconds],
        );
        if (known.length > 0) emit({ group: group.group }, Math.max(...known));
      }
    },
  );
  registerEventscopeLagMetrics(registry, userGroups, topicRows);
}

function registerEventscopeLagMetrics(
  registry: Registry,
  userGroups: () => GroupFigures[],
  topicRows: () => Iterable<TopicRow>,
): void {
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
