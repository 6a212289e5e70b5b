/**
 * Flow latency on the ingest path: every stored batch (the store writer's `onStored` feed, so there is no
 * second pass over the events) goes through the aggregator once. Pairing needs to know which groups
 * read which topic; that comes from the group topology the flow graph already polls. Edge rates are
 * snapshotted alongside, so the graph can be scrubbed back over the hour with rates and latency together.
 * After each lag poll, consume hops waiting for their group's commit are split into queue and processing
 * time (lib/flows/latency/queue-time), off the ingest path.
 */
import type { FlowLatency, LatencyWindowName } from "@/lib/api/flow-latency";
import { FlowLatencyAggregator } from "@/lib/flows/latency/flow-latency";
import type { EventFeed } from "@/server/collector/collector-feature";
import type { GroupTopic } from "@/server/flows/group-topology";
import { persistLatency } from "@/server/flows/latency-persistence";
import { RateHistory } from "@/server/flows/rate-history";
import type { LagService } from "@/server/lag/service";
import type { Logger } from "@/server/logger";

/**
 * Pairing memory: a remembered message counts ~480 bytes by its id (the heap holds ~15% less; measured in
 * pairing-memory.unit.test.ts), so 16 MiB holds the last ~35,000 messages — half a minute at 1,000 msgs/s,
 * far longer than a service takes to react to what it reads — and 8 MiB the last ~5,000 traces. A parent
 * older than that is not found: its child then starts a flow of its own (never wrongly paired). The store's
 * own message-id index is not consulted on a miss: that would put a store query on the ingest path for
 * every such child.
 */
export const FLOW_LATENCY_BUDGET = {
  messagesBytes: 16 * 1024 * 1024,
  tracesBytes: 8 * 1024 * 1024,
  orphansBytes: 4 * 1024 * 1024,
  openTracesBytes: 4 * 1024 * 1024,
};
const TICK_MS = 1_000;
const HOUR_MS = 3_600_000;

export interface FlowLatencyService {
  aggregator: FlowLatencyAggregator;
  /** Where a window asked to end at `at` really ends: now when absent, never before the hour kept. */
  windowEnd(at: number | undefined, nowMs: number): number;
  /** The graph's latency for a window, and the edge rates at its end when that is in the past. */
  graph(
    window: LatencyWindowName,
    endMs: number,
    nowMs: number,
  ): { latency: FlowLatency; rates: Record<string, number> | null };
  /** Resolves once windows saved by the previous run are back (at once when nothing is saved). */
  restored: Promise<void>;
  stop(): Promise<void>;
}

export function startFlowLatency(deps: {
  feed: EventFeed;
  groups: () => readonly GroupTopic[];
  isDlqTopic: (topic: string) => boolean;
  edgeRates: (nowMs: number) => Record<string, number>;
  /** The lag poller, read only: its committed-offset history splits consume hops into queue and processing. */
  lag: LagService | null;
  /** Where to keep the windows across restarts (beside an embedded store); null: not kept. */
  saveFile: string | null;
  logger: Logger;
}): FlowLatencyService {
  // The topology is replaced (never mutated) on each poll, so the index is rebuilt only when it changed.
  let indexed: readonly GroupTopic[] | null = null;
  let byTopic = new Map<string, string[]>();
  const consumersOf = (topic: string): readonly string[] => {
    const current = deps.groups();
    if (current !== indexed) {
      indexed = current;
      byTopic = new Map();
      for (const { topic: t, group } of current) byTopic.set(t, [...(byTopic.get(t) ?? []), group]);
    }
    return byTopic.get(topic) ?? [];
  };
  const aggregator = new FlowLatencyAggregator(
    { consumersOf, isDlqTopic: deps.isDlqTopic },
    FLOW_LATENCY_BUDGET,
  );
  const persistence = deps.saveFile === null ? null : persistLatency(aggregator, deps.saveFile, deps.logger);
  const history = new RateHistory();
  const unsubscribe = deps.feed.subscribe((events) => aggregator.ingest(events, Date.now()));
  const lag = deps.lag;
  const unsubscribeLag = lag?.onPoll(() =>
    aggregator.settleQueues(
      (topic, partition, offset, group) =>
        lag.consumedAt(topic, partition, offset).find((c) => c.group === group) ?? null,
      Date.now(),
    ),
  );
  const ticker = setInterval(() => {
    const now = Date.now();
    aggregator.tick(now);
    history.maybeRecord(now, () => deps.edgeRates(now));
  }, TICK_MS);
  ticker.unref();
  return {
    aggregator,
    windowEnd: (at, nowMs) => (at === undefined ? nowMs : Math.min(nowMs, Math.max(nowMs - HOUR_MS, at))),
    graph(window, endMs, nowMs) {
      const latency = aggregator.snapshot(window, endMs, nowMs);
      return { latency, rates: nowMs - endMs < TICK_MS ? null : (history.at(endMs) ?? {}) };
    },
    restored: persistence?.loaded ?? Promise.resolve(),
    async stop() {
      clearInterval(ticker);
      unsubscribe();
      unsubscribeLag?.();
      await persistence?.stop();
    },
  };
}
