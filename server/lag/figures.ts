/**
 * The poller's state as plain per-group, per-topic figures, for consumers that want numbers rather than
 * the API's display shapes (the Prometheus metrics). Offsets become JS numbers here: a metric sample is a
 * float64 anyway, and nothing downstream compares two offsets for equality.
 */
import type { GroupState } from "@/lib/api/lag";
import { sumLag, type DrainTime, type GroupStatus, type PartitionStatus, groupStatus } from "@/lib/lag";
import type { GroupEntry, PartitionEntry } from "@/server/lag/lag-state";
import { groupDrain } from "@/server/lag/views";

export interface PartitionFigureRow {
  partition: number;
  committedOffset: number | null;
  endOffset: number | null;
  lag: number | null;
  timeLagSeconds: number | null;
}

export interface TopicFigures {
  topic: string;
  /** Sum of the known partition lags. */
  lag: number;
  unknownPartitions: number;
  maxTimeLagSeconds: number | null;
  /** Burrow's verdict per judged partition. */
  statuses: PartitionStatus[];
  timeToDrainSeconds: DrainTime;
  /** Records per second written to the topic's partitions over the last minute; null when unknown. */
  produceRate: number | null;
  partitions: PartitionFigureRow[];
}

export interface GroupFigures {
  group: string;
  internal: boolean;
  state: GroupState;
  members: number;
  status: GroupStatus | null;
  topics: TopicFigures[];
}

const num = (value: bigint | null): number | null => (value === null ? null : Number(value));
const secs = (ms: number | undefined): number | null => (ms === undefined ? null : ms / 1000);

export function groupFigures(group: GroupEntry, internal: boolean): GroupFigures {
  const byTopic = new Map<string, PartitionEntry[]>();
  for (const p of group.partitions.values()) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p]);
  const partitions = [...group.partitions.values()];
  return {
    group: group.id,
    internal,
    state: group.state,
    members: group.members.length,
    status: groupStatus(partitions.map((p) => p.figures.status)).status,
    topics: [...byTopic].map(([topic, entries]) => topicFigures(topic, entries)),
  };
}

function topicFigures(topic: string, entries: readonly PartitionEntry[]): TopicFigures {
  const total = sumLag(entries.map((p) => p.figures.lag));
  const timeLags = entries.flatMap((p) => (p.figures.timeLag ? [p.figures.timeLag.ms / 1000] : []));
  const produced = entries.flatMap((p) =>
    p.figures.drain.produceRate === null ? [] : [p.figures.drain.produceRate],
  );
  return {
    topic,
    lag: Number(total.lag),
    unknownPartitions: total.unknownPartitions,
    maxTimeLagSeconds: timeLags.length === 0 ? null : Math.max(...timeLags),
    statuses: entries.flatMap((p) => (p.figures.status === null ? [] : [p.figures.status])),
    timeToDrainSeconds: groupDrain(entries),
    produceRate: produced.length === 0 ? null : produced.reduce((a, b) => a + b, 0),
    partitions: entries.map((p) => ({
      partition: p.partition,
      committedOffset: num(p.figures.committed),
      endOffset: num(p.figures.end),
      lag: num(p.figures.lag),
      timeLagSeconds: secs(p.figures.timeLag?.ms),
    })),
  };
}
