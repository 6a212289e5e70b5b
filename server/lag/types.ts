/**
 * What one poll of the cluster read (server/lag/read-cluster.ts), before any lag math. Offsets are bigint
 * (see lib/lag/types.ts); `null` means Kafka had no value (no committed offset, or the end offset could not
 * be read this poll).
 */
import type { GroupState } from "@/lib/api/lag";

export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

export interface ObservedMember {
  memberId: string;
  clientId: string;
  /** As Kafka reports it, e.g. "/127.0.0.1" (kafka-consumer-groups prints the same). */
  host: string;
  /** Decoded from the member's assignment; empty for protocols other than "consumer". */
  assignments: TopicPartitions[];
}

export interface ObservedGroup {
  id: string;
  state: GroupState;
  protocol: string;
  protocolType: string;
  members: ObservedMember[];
  /**
   * Committed offsets by topic, then partition (null: never committed there). Null for the whole group
   * when its offsets could not be fetched this poll: the group keeps its previous figures.
   */
  committed: Map<string, Map<number, bigint | null>> | null;
}

export interface ObservedTopic {
  /** When the end offsets were read (just after the answer arrived). */
  observedAt: number;
  /** End offset (last stable offset) per partition. */
  endOffsets: Map<number, bigint>;
}

export interface ClusterObservation {
  /** When the poll finished reading; every derived figure of this poll is "as of" this time. */
  observedAt: number;
  groups: ObservedGroup[];
  /** Topics read this poll; a topic whose end offsets could not be read is absent. */
  topics: Map<string, ObservedTopic>;
  /** What could not be read this poll (the poll still counts; these keep their previous figures). */
  failures: { groups: string[]; topics: string[] };
}
