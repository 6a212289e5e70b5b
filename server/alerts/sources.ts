/**
 * Everything the alert evaluator reads, in one place: the lag service, the dead-letter service, the
 * collector's own status and the per-topic read rates it publishes. Each is optional (a feature that does
 * not run leaves its rules without targets) and typed by the few calls used, so the features behind
 * them can change shape without touching the rules.
 */
import type { Observations } from "@/lib/alerts";
import type { Pipeline } from "@/server/collector/collector-feature";
import type { DlqService } from "@/server/dlq";
import type { LagService } from "@/server/lag";

export interface AlertSources {
  lag: Pick<LagService, "groups"> | null;
  dlq: { readonly dlqState: string; topicSummaries(): { topic: string; pending: number }[] } | null;
  collector: { status(): { state: string; lag: number } } | null;
  rates: { topics: { rates(nowMs: number): Map<string, { perSec: number }> } } | null;
}

/** The services the alerts read; null where the feature behind one does not run. */
export interface AlertSourceServices {
  lag: LagService | null;
  dlq: DlqService | null;
  pipeline: Pipeline | null;
}

export function sourcesFrom({ lag, dlq, pipeline }: AlertSourceServices): AlertSources {
  return { lag, dlq, collector: pipeline?.collector ?? null, rates: pipeline?.rates ?? null };
}

/** Reads every source now; a source that is missing, not ready or stale is `null`. Never throws. */
export function observe(sources: AlertSources, now: number): Observations {
  const attempt = <T>(read: () => T | null): T | null => {
    try {
      return read();
    } catch {
      return null;
    }
  };
  const topicRates = attempt(() =>
    sources.rates
      ? [...sources.rates.topics.rates(now)].map(([topic, r]) => ({ topic, perSec: r.perSec }))
      : null,
  );
  return {
    groups: attempt(() => {
      const snapshot = sources.lag?.groups();
      if (!snapshot || snapshot.observedAt === null || snapshot.stale) return null;
      return snapshot.groups
        .filter((g) => !g.internal)
        .map((g) => ({
          id: g.id,
          maxTimeLagSeconds: g.maxTimeLagSeconds,
          status: g.status,
          errPartitions:
            (g.partitionStatuses.STOP ?? 0) +
            (g.partitionStatuses.STALL ?? 0) +
            (g.partitionStatuses.REWIND ?? 0),
        }));
    }),
    dlqTopics: attempt(() =>
      sources.dlq && sources.dlq.dlqState === "ready"
        ? sources.dlq.topicSummaries().map(({ topic, pending }) => ({ topic, pending }))
        : null,
    ),
    topicRates,
    collector: attempt(() => {
      const status = sources.collector?.status();
      if (!status || status.state === "stopped" || topicRates === null) return null;
      return { lag: status.lag, perSec: topicRates.reduce((sum, r) => sum + r.perSec, 0) };
    }),
  };
}
