/**
 * Where the metrics read their figures, kept to one file so a change of where a service lives is one
 * edit here. Everything is looked up at scrape time: the metrics never sit on the ingest path, and a
 * feature that is not running (or has not started yet) just contributes no series.
 */
import type { DlqTopicSummary, RedriveTask } from "@/lib/api/dlq";
import type { Pipeline } from "@/server/collector/collector-feature";
import type { CollectorStatus } from "@/server/collector/collector-state";
import type { DlqService } from "@/server/dlq";
import type { StoreStats } from "@/server/store/event-store";
import type { GroupFigures, LagService } from "@/server/lag";

/** The store's figures the metrics need, whichever store backs them. */
export interface StoreFigures {
  events: number;
  bytes: number;
  evictedEvents: number;
  /** Timestamps (ms since epoch) of the oldest and newest event held; null when empty. */
  oldestAt: number | null;
  newestAt: number | null;
}

export interface LagFigures {
  /** When the shown lag was read from Kafka; null before the first successful poll. */
  observedAt: number | null;
  groups: GroupFigures[];
}

export interface DlqFigures {
  topics: DlqTopicSummary[];
  tasks: RedriveTask[];
}

export interface MetricsSources {
  lag(): LagFigures | undefined;
  collector(): CollectorStatus | undefined;
  store(): StoreFigures | undefined;
  dlq(): DlqFigures | undefined;
}

/** The store's stats as figures: bytes are what its pages hold, as the engine measures them. */
export function storeFigures(stats: StoreStats): StoreFigures {
  return {
    events: stats.events,
    bytes: stats.diskBytes,
    evictedEvents: stats.evictedEvents,
    oldestAt: stats.window.from,
    newestAt: stats.window.to,
  };
}

/** The services the metrics read; null where the feature behind one does not run. */
export interface MetricsServices {
  lag: LagService | null;
  pipeline: Pipeline | null;
  dlq: DlqService | null;
}

export function sourcesFrom({ lag, pipeline, dlq }: MetricsServices): MetricsSources {
  return {
    lag: () => (lag ? { observedAt: lag.groups().observedAt, groups: lag.figures() } : undefined),
    collector: () => pipeline?.collector.status(),
    store: () => (pipeline ? storeFigures(pipeline.store.stats()) : undefined),
    dlq: () =>
      dlq
        ? { topics: dlq.topicSummaries(), tasks: dlq.tasks.list({ limit: Number.POSITIVE_INFINITY }) }
        : undefined,
  };
}
