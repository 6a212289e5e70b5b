/** Tiny builders for cluster observations, as the poller would read them. */
import type { ClusterObservation, ObservedGroup, ObservedMember } from "@/server/lag/types";

type Offsets = Record<string, Array<bigint | null>>;

export function member(id: string, assignments: Record<string, number[]> = {}): ObservedMember {
  return {
    memberId: id,
    clientId: `${id}-client`,
    host: "/127.0.0.1",
    assignments: Object.entries(assignments).map(([topic, partitions]) => ({ topic, partitions })),
  };
}

/** A group with committed offsets per topic (index = partition). */
export function group(id: string, committed: Offsets | null, members: ObservedMember[] = []): ObservedGroup {
  return {
    id,
    state: members.length > 0 ? "Stable" : "Empty",
    protocol: members.length > 0 ? "RoundRobinAssigner" : "",
    protocolType: "consumer",
    members,
    committed:
      committed === null
        ? null
        : new Map(
            Object.entries(committed).map(([topic, offsets]) => [
              topic,
              new Map(offsets.map((offset, partition) => [partition, offset])),
            ]),
          ),
  };
}

/** An observation at `at` with end offsets per topic (index = partition). */
export function observation(
  at: number,
  groups: ObservedGroup[],
  ends: Record<string, bigint[]>,
  failedTopics: string[] = [],
): ClusterObservation {
  return {
    observedAt: at,
    groups,
    topics: new Map(
      Object.entries(ends).map(([topic, offsets]) => [
        topic,
        { observedAt: at, endOffsets: new Map(offsets.map((o, p) => [p, o])) },
      ]),
    ),
    failures: { groups: [], topics: failedTopics },
  };
}
