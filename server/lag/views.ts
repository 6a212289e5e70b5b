/** Turns the poller's state into the API shapes of lib/api/lag.ts (bigint offsets → decimal strings). */
import type {
  LagGroupDetailResponse,
  LagGroupSummary,
  LagMember,
  LagPartition,
  LagTopic,
} from "@/lib/api/lag";
import { groupStatus, sumLag, type DrainTime } from "@/lib/lag";
import type { GroupEntry, PartitionEntry } from "@/server/lag/lag-state";
import { lagTrend, topicHistory } from "@/server/lag/series";

export const TREND_WINDOW_MS = 15 * 60_000;
export const TREND_POINTS = 60;
export const HISTORY_WINDOW_MS = 60 * 60_000;
export const HISTORY_POINTS = 240;

type PollInfo = Omit<LagGroupDetailResponse, "group" | "members" | "partitions" | "topics">;

const str = (value: bigint | null): string | null => (value === null ? null : value.toString());
const seconds = (ms: number | undefined | null): number | null => (ms == null ? null : ms / 1000);

export function groupSummary(group: GroupEntry, now: number, internal: boolean): LagGroupSummary {
  const partitions = [...group.partitions.values()];
  const total = sumLag(partitions.map((p) => p.figures.lag));
  const status = groupStatus(partitions.map((p) => p.figures.status));
  const slowest = partitions.reduce<PartitionEntry | undefined>((max, p) => {
    const ms = p.figures.timeLag?.ms;
    return ms !== undefined && ms >= (max?.figures.timeLag?.ms ?? -1) ? p : max;
  }, undefined);
  return {
    id: group.id,
    internal,
    state: group.state,
    protocol: group.protocol,
    members: group.members.length,
    topics: [...new Set(partitions.map((p) => p.topic))],
    partitions: partitions.length,
    totalLag: total.lag.toString(),
    unknownPartitions: total.unknownPartitions,
    maxTimeLagSeconds: seconds(slowest?.figures.timeLag?.ms),
    maxTimeLagExtrapolated: slowest?.figures.timeLag?.extrapolated ?? false,
    status: status.status,
    partitionStatuses: { ...status.partitions },
    timeToDrainSeconds: groupDrain(partitions),
    consumeRate: sumOrNull(partitions.map((p) => p.figures.drain.consumeRate)),
    produceRate: sumOrNull(partitions.map((p) => p.figures.drain.produceRate)),
    trend: lagTrend(
      partitions.map((p) => p.history),
      now - TREND_WINDOW_MS,
      TREND_POINTS,
    ),
  };
}

export function groupDetail(
  group: GroupEntry,
  poll: PollInfo,
  now: number,
  internal: boolean,
): LagGroupDetailResponse {
  const partitions = [...group.partitions.values()];
  return {
    ...poll,
    group: groupSummary(group, now, internal),
    members: group.members.map((m): LagMember => ({
      memberId: m.memberId,
      clientId: m.clientId,
      host: m.host,
      assignments: m.assignments,
    })),
    partitions: partitions.map(partitionRow),
    topics: topicsOf(partitions, now),
  };
}

function partitionRow(p: PartitionEntry): LagPartition {
  const f = p.figures;
  return {
    topic: p.topic,
    partition: p.partition,
    currentOffset: str(f.committed),
    logEndOffset: str(f.end),
    lag: str(f.lag),
    consumerId: f.owner?.memberId ?? null,
    host: f.owner?.host ?? null,
    clientId: f.owner?.clientId ?? null,
    timeLagSeconds: seconds(f.timeLag?.ms),
    timeLagExtrapolated: f.timeLag?.extrapolated ?? false,
    status: f.status,
    consumeRate: f.drain.consumeRate,
    produceRate: f.drain.produceRate,
    timeToDrainSeconds: f.drain.timeToDrain,
  };
}

function topicsOf(partitions: readonly PartitionEntry[], now: number): LagTopic[] {
  const byTopic = new Map<string, PartitionEntry[]>();
  for (const p of partitions) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p]);
  return [...byTopic].map(([topic, entries]) => {
    const total = sumLag(entries.map((p) => p.figures.lag));
    return {
      topic,
      lag: total.lag.toString(),
      unknownPartitions: total.unknownPartitions,
      maxTimeLagSeconds: seconds(maxOrNull(entries.map((p) => p.figures.timeLag?.ms ?? null))),
      history: topicHistory(
        entries.map((p) => p.history),
        now - HISTORY_WINDOW_MS,
        HISTORY_POINTS,
      ),
    };
  });
}

/**
 * A group is drained when its slowest partition is: the largest partition time to drain. "never" when any
 * lagging partition is not gaining on its producer; unknown when one's rates are unknown, or when no
 * partition's lag is known. Partitions with unknown lag are left out (counted in `unknownPartitions`).
 */
export function groupDrain(partitions: readonly PartitionEntry[]): DrainTime {
  if (partitions.every((p) => p.figures.lag === null)) return null;
  let slowest: DrainTime = 0;
  for (const p of partitions) {
    if (p.figures.lag === null) continue;
    const drain = p.figures.drain.timeToDrain;
    if (drain === "never" || slowest === "never") slowest = "never";
    else if (drain === null || slowest === null) slowest = null;
    else slowest = Math.max(slowest, drain);
  }
  return slowest;
}

function maxOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : Math.max(...known);
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}
