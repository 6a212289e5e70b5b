/**
 * Eventscope's own health: how far the collector is behind, how fast it reads and how often a record does
 * not decode, what the store holds, and how fresh the lag figures are.
 */
import type { Registry } from "prom-client";
import { COLLECTOR_RUN_STATES } from "@/lib/model/status";
import { lazyCounter, lazyGauge } from "@/server/metrics/lazy-metrics";
import type { MetricsSources } from "@/server/metrics/sources";

const seconds = (ms: number) => ms / 1000;

export function registerPipelineMetrics(registry: Registry, sources: MetricsSources): void {
  const collector =
    (pick: (s: NonNullable<ReturnType<MetricsSources["collector"]>>) => number | null) =>
    (emit: (labels: Record<string, string>, value: number) => void) => {
      const status = sources.collector();
      const value = status ? pick(status) : null;
      if (value !== null) emit({}, value);
    };
  lazyGauge(
    registry,
    {
      name: "eventscope_collector_lag_messages",
      help: "Records the collector is behind the end of the log, over all partitions",
    },
    collector((s) => s.lag),
  );
  lazyCounter(
    registry,
    {
      name: "eventscope_collector_events_read_total",
      help: "Records the collector read since start (rate() is the ingest rate)",
    },
    collector((s) => s.eventsRead),
  );
  lazyCounter(
    registry,
    {
      name: "eventscope_collector_decode_errors_total",
      help: "Records the collector kept with a decode error since start",
    },
    collector((s) => s.decodeErrors),
  );
  lazyGauge(
    registry,
    { name: "eventscope_collector_topics", help: "Topics the collector reads" },
    collector((s) => s.topics),
  );
  lazyGauge(
    registry,
    { name: "eventscope_collector_partitions", help: "Partitions the collector reads" },
    collector((s) => s.partitions),
  );
  lazyGauge(
    registry,
    {
      name: "eventscope_collector_last_event_timestamp_seconds",
      help: "When the collector last read a record",
    },
    collector((s) => (s.lastEventAt === null ? null : seconds(s.lastEventAt))),
  );
  lazyGauge(
    registry,
    {
      name: "eventscope_collector_state",
      help: "1 for the collector's current state (starting, running, degraded, stopped), 0 for the others",
      labelNames: ["state"],
    },
    (emit) => {
      const status = sources.collector();
      if (status) for (const state of COLLECTOR_RUN_STATES) emit({ state }, status.state === state ? 1 : 0);
    },
  );

  const store =
    (pick: (s: NonNullable<ReturnType<MetricsSources["store"]>>) => number | null) =>
    (emit: (labels: Record<string, string>, value: number) => void) => {
      const figures = sources.store();
      const value = figures ? pick(figures) : null;
      if (value !== null) emit({}, value);
    };
  lazyGauge(
    registry,
    { name: "eventscope_store_events", help: "Events the store holds" },
    store((s) => s.events),
  );
  lazyGauge(
    registry,
    { name: "eventscope_store_bytes", help: "Bytes the store holds" },
    store((s) => s.bytes),
  );
  lazyCounter(
    registry,
    {
      name: "eventscope_store_evicted_events_total",
      help: "Events dropped since start to stay within the store's budget",
    },
    store((s) => s.evictedEvents),
  );
  lazyGauge(
    registry,
    {
      name: "eventscope_store_window_seconds",
      help: "Time between the oldest and the newest event the store holds",
    },
    store((s) => (s.oldestAt === null || s.newestAt === null ? null : seconds(s.newestAt - s.oldestAt))),
  );
  lazyGauge(
    registry,
    {
      name: "eventscope_store_oldest_event_timestamp_seconds",
      help: "Timestamp of the oldest event the store holds",
    },
    store((s) => (s.oldestAt === null ? null : seconds(s.oldestAt))),
  );

  lazyGauge(
    registry,
    {
      name: "eventscope_lag_last_poll_timestamp_seconds",
      help: "When the lag figures were last read from Kafka",
    },
    (emit) => {
      const observedAt = sources.lag()?.observedAt;
      if (observedAt != null) emit({}, seconds(observedAt));
    },
  );
}
