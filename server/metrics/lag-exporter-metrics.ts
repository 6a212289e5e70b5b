/**
 * Lag series under kafka-lag-exporter's names and label names (`group`, `topic`, `partition`), so its
 * dashboards and alert rules work unchanged against Eventscope.
 */
import type { Registry } from "prom-client";
import type { TopicFigures } from "@/server/lag";
import { type Emit, lazyGauge } from "@/server/metrics/lazy-metrics";
import type { LagRows } from "@/server/metrics/lag-metrics";

export function registerLagExporterMetrics(registry: Registry, rows: LagRows): void {
  const topicRows = () => rows.topics();
  const userGroups = () => rows.groups();
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
}
