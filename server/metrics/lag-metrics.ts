/**
 * Consumer-lag series, from the lag service's figures at scrape time. Eventscope's own consumer groups are
 * left out: they are not the user's consumers, and their names change per start.
 */
import type { Registry } from "prom-client";
import type { GroupFigures, TopicFigures } from "@/server/lag";
import { registerConsumerGroupMetrics } from "@/server/metrics/consumer-group-metrics";
import { registerLagExporterMetrics } from "@/server/metrics/lag-exporter-metrics";
import type { LagFigures } from "@/server/metrics/sources";

export interface TopicRow {
  group: GroupFigures;
  topic: TopicFigures;
}

export interface LagRows {
  groups(): GroupFigures[];
  topics(): Iterable<TopicRow>;
}

export function registerLagMetrics(registry: Registry, read: () => LagFigures | undefined): void {
  const groups = () => (read()?.groups ?? []).filter((g) => !g.internal);
  const rows: LagRows = {
    groups,
    *topics() {
      for (const group of groups()) for (const topic of group.topics) yield { group, topic };
    },
  };
  registerLagExporterMetrics(registry, rows);
  registerConsumerGroupMetrics(registry, rows);
}
