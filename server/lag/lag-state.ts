/**
 * Everything the poller remembers between polls, fed one `ClusterObservation` at a time:
 * - per topic-partition, kafka-lag-exporter's end-offset table (shared by every group reading it);
 * - per group-topic-partition, Burrow's commit window, a bounded history, and the latest figures.
 * Groups that Kafka no longer lists, partitions a group no longer has, and topics no group reads any more
 * are dropped, so memory follows the cluster rather than everything it ever held.
 */
import {
  appendEndOffset,
  createCommitWindow,
  createEndOffsetTable,
  estimateDrain,
  offsetLag,
  partitionStatus,
  recordCommit,
  timeLag,
  type CommitWindow,
  type DrainEstimate,
  type EndOffsetTable,
  type PartitionStatus,
  type TimeLag,
} from "@/lib/lag";
import type { GroupState } from "@/lib/api/lag";
import { PartitionHistory } from "@/server/lag/partition-history";
import type { ClusterObservation, ObservedGroup, ObservedMember } from "@/server/lag/types";

/** End-offset points kept per partition: 30 min at the default 5 s poll (flat runs compress further). */
export const END_OFFSET_TABLE_CAPACITY = 360;

export interface PartitionFigures {
  committed: bigint | null;
  end: bigint | null;
  lag: bigint | null;
  timeLag: TimeLag | null;
  status: PartitionStatus | null;
  drain: DrainEstimate;
  owner: ObservedMember | null;
}

export interface PartitionEntry {
  readonly topic: string;
  readonly partition: number;
  commits: CommitWindow;
  readonly history: PartitionHistory;
  figures: PartitionFigures;
}

export interface GroupEntry {
  readonly id: string;
  state: GroupState;
  protocol: string;
  members: ObservedMember[];
  /** Keyed `topic\0partition`, sorted by topic then partition after every poll. */
  partitions: Map<string, PartitionEntry>;
}

export interface LagStateOptions {
  history: { capacity: number; slotMs: number };
  /** Silence shorter than this is never STOP (see `CommitWindow.minSpanMs`). */
  minStopSpanMs: number;
  /** Lag within what is written in this long counts as in flight, not as a backlog to drain. */
  inFlightMs?: number;
  endOffsetCapacity?: number;
}

const EMPTY_TABLE = createEndOffsetTable();
const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export class LagState {
  readonly groups = new Map<string, GroupEntry>();
  private readonly tables = new Map<string, Map<number, EndOffsetTable>>();

  constructor(private readonly options: LagStateOptions) {}

  endOffsetTable(topic: string, partition: number): EndOffsetTable | undefined {
    return this.tables.get(topic)?.get(partition);
  }

  apply(observation: ClusterObservation): void {
    this.recordEndOffsets(observation);
    const listed = new Set<string>();
    for (const observed of observation.groups) {
      listed.add(observed.id);
      this.applyGroup(observed, observation);
    }
    for (const id of this.groups.keys()) if (!listed.has(id)) this.groups.delete(id);
    this.dropUnreadTopics();
  }

  private recordEndOffsets(observation: ClusterObservation): void {
    const capacity = this.options.endOffsetCapacity ?? END_OFFSET_TABLE_CAPACITY;
    for (const [topic, observed] of observation.topics) {
      const tables = this.tables.get(topic) ?? new Map<number, EndOffsetTable>();
      for (const [partition, offset] of observed.endOffsets) {
        const known = tables.get(partition);
        // Our polls are sequential, so a lower end offset is no late answer: the log itself is shorter
        // (topic re-created, unclean leader election). Its old history no longer describes it.
        const shrunk = known !== undefined && offset < (known.points.at(-1)?.offset ?? 0n);
        const table = known === undefined || shrunk ? createEndOffsetTable(capacity) : known;
        tables.set(partition, appendEndOffset(table, { offset, observedAt: observed.observedAt }));
      }
      // Partitions can only be added to a topic; a missing one means the topic was re-created smaller.
      for (const partition of tables.keys())
        if (!observed.endOffsets.has(partition)) tables.delete(partition);
      this.tables.set(topic, tables);
    }
  }

  private applyGroup(observed: ObservedGroup, observation: ClusterObservation): void {
    const entry: GroupEntry = this.groups.get(observed.id) ?? {
      id: observed.id,
      state: observed.state,
      protocol: observed.protocol,
      members: [],
      partitions: new Map(),
    };
    entry.state = observed.state;
    entry.protocol = observed.protocol;
    entry.members = observed.members;
    this.groups.set(observed.id, entry);
    if (observed.committed === null) return; // offsets unreadable this poll: keep the last figures

    const owners = ownersOf(observed.members);
    const next = new Map<string, PartitionEntry>();
    for (const [topic, partitions] of partitionsOf(observed, observation)) {
      const committedByPartition = observed.committed.get(topic);
      const endOffsetsRead = observation.topics.has(topic);
      for (const partition of partitions) {
        const k = key(topic, partition);
        const existing = entry.partitions.get(k) ?? this.newPartition(topic, partition);
        // Without this poll's end offset the lag would be measured against an old one: keep the last figures.
        if (endOffsetsRead)
          this.updatePartition(
            existing,
            committedByPartition?.get(partition) ?? null,
            observation.observedAt,
          );
        existing.figures.owner = owners.get(k) ?? null;
        next.set(k, existing);
      }
    }
    entry.partitions = next;
  }

  private newPartition(topic: string, partition: number): PartitionEntry {
    const { capacity, slotMs } = this.options.history;
    return {
      topic,
      partition,
      commits: createCommitWindow({ minSpanMs: this.options.minStopSpanMs }),
      history: new PartitionHistory(capacity, slotMs),
      figures: {
        committed: null,
        end: null,
        lag: null,
        timeLag: null,
        status: null,
        drain: { consumeRate: null, produceRate: null, timeToDrain: null },
        owner: null,
      },
    };
  }

  private updatePartition(entry: PartitionEntry, committed: bigint | null, now: number): void {
    const table = this.endOffsetTable(entry.topic, entry.partition) ?? EMPTY_TABLE;
    const end = table.points.at(-1)?.offset ?? null;
    const lag = offsetLag(end, committed);
    if (committed !== null && lag !== null) {
      entry.commits = recordCommit(entry.commits, { committedOffset: committed, lag, observedAt: now });
    }
    const lagInTime = timeLag(table, committed, now);
    entry.figures = {
      ...entry.figures,
      committed,
      end,
      lag,
      timeLag: lagInTime,
      status: committed === null ? null : partitionStatus(entry.commits, end, now),
      drain: estimateDrain(lag, table, entry.commits, { inFlightMs: this.options.inFlightMs }),
    };
    entry.history.push({ t: now, committed, end, timeLagMs: lagInTime?.ms ?? null });
  }

  private dropUnreadTopics(): void {
    const read = new Set<string>();
    for (const group of this.groups.values()) for (const p of group.partitions.values()) read.add(p.topic);
    for (const topic of this.tables.keys()) if (!read.has(topic)) this.tables.delete(topic);
  }
}

/** A group's partitions: every partition of each topic it committed on or is assigned, sorted. */
function partitionsOf(observed: ObservedGroup, observation: ClusterObservation): Map<string, number[]> {
  const byTopic = new Map<string, Set<number>>();
  const add = (topic: string, partition: number) => {
    const set = byTopic.get(topic) ?? new Set<number>();
    set.add(partition);
    byTopic.set(topic, set);
  };
  for (const [topic, partitions] of observed.committed ?? [])
    for (const p of partitions.keys()) add(topic, p);
  for (const member of observed.members)
    for (const { topic, partitions } of member.assignments) for (const p of partitions) add(topic, p);
  // Partitions of those topics the group never committed on: shown with unknown lag, not left out.
  for (const topic of byTopic.keys())
    for (const p of observation.topics.get(topic)?.endOffsets.keys() ?? []) add(topic, p);
  const sorted = new Map<string, number[]>();
  for (const topic of [...byTopic.keys()].sort()) {
    sorted.set(
      topic,
      [...(byTopic.get(topic) ?? [])].sort((a, b) => a - b),
    );
  }
  return sorted;
}

function ownersOf(members: readonly ObservedMember[]): Map<string, ObservedMember> {
  const owners = new Map<string, ObservedMember>();
  for (const member of members)
    for (const { topic, partitions } of member.assignments)
      for (const partition of partitions) owners.set(key(topic, partition), member);
  return owners;
}
