/**
 * One poll of the cluster with a kafkajs admin, in the order kafka-consumer-groups uses: groups, their
 * members and committed offsets first, then the end offsets of every topic they read, so a lag is never
 * computed against an end offset older than its committed offset.
 *
 * End offsets come from `admin.fetchTopicOffsets`, which asks for the latest offset with
 * isolation_level=read_committed: the **last stable offset**. It equals Kafka's LOG-END-OFFSET (the high
 * watermark) unless a transaction is open on the partition.
 *
 * A group or topic that fails on its own (deleted mid-poll, coordinator moving) is reported in `failures`
 * and keeps its previous figures; only a failure to list the groups fails the whole poll.
 */
import type { Admin, GroupDescription } from "kafkajs";
import type { GroupState } from "@/lib/api/lag";
import { parseOffset } from "@/lib/lag";
import { decodeAssignment } from "@/server/lag/assignments";
import type { ClusterObservation, ObservedGroup, ObservedTopic } from "@/server/lag/types";

/** Groups that commit offsets: the consumer protocol, and "" for groups that only commit (no members). */
const OFFSET_PROTOCOL_TYPES = new Set(["consumer", ""]);
const STATES = new Set<GroupState>(["Stable", "PreparingRebalance", "CompletingRebalance", "Empty", "Dead"]);
const CONCURRENCY = 8;
const DESCRIBE_BATCH = 100;

export async function readCluster(admin: Admin, now: () => number = Date.now): Promise<ClusterObservation> {
  const failures: ClusterObservation["failures"] = { groups: [], topics: [] };
  const { groups: listed } = await admin.listGroups();
  const ids = listed
    .filter((g) => OFFSET_PROTOCOL_TYPES.has(g.protocolType))
    .map((g) => g.groupId)
    .sort();
  const described: GroupDescription[] = [];
  for (let i = 0; i < ids.length; i += DESCRIBE_BATCH) {
    described.push(...(await admin.describeGroups(ids.slice(i, i + DESCRIBE_BATCH))).groups);
  }

  const groups = await mapLimited(described, CONCURRENCY, async (g): Promise<ObservedGroup> => {
    const committed = await fetchCommitted(admin, g.groupId).catch(() => {
      failures.groups.push(g.groupId);
      return null;
    });
    return {
      id: g.groupId,
      state: STATES.has(g.state as GroupState) ? (g.state as GroupState) : "Unknown",
      protocol: g.protocol,
      protocolType: g.protocolType,
      members: g.members.map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        host: m.clientHost,
        assignments: g.protocolType === "consumer" ? decodeAssignment(m.memberAssignment) : [],
      })),
      committed,
    };
  });

  const topicNames = new Set<string>();
  for (const group of groups) {
    for (const topic of group.committed?.keys() ?? []) topicNames.add(topic);
    for (const member of group.members) for (const a of member.assignments) topicNames.add(a.topic);
  }
  const topics = new Map<string, ObservedTopic>();
  await mapLimited([...topicNames].sort(), CONCURRENCY, async (topic) => {
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      const endOffsets = new Map<number, bigint>();
      for (const p of offsets) {
        const end = parseOffset(p.high ?? p.offset);
        if (end !== null) endOffsets.set(p.partition, end);
      }
      topics.set(topic, { observedAt: now(), endOffsets });
    } catch {
      failures.topics.push(topic);
    }
  });

  return { observedAt: now(), groups, topics, failures };
}

async function fetchCommitted(
  admin: Admin,
  groupId: string,
): Promise<Map<string, Map<number, bigint | null>>> {
  // Without `topics`, Kafka answers with every topic the group has committed offsets on.
  const answer = await admin.fetchOffsets({ groupId });
  const byTopic = new Map<string, Map<number, bigint | null>>();
  for (const { topic, partitions } of answer) {
    const offsets = new Map<number, bigint | null>();
    // -1 (never committed here) and any other sentinel read as null: unknown, not zero.
    for (const p of partitions) offsets.set(p.partition, parseOffset(p.offset));
    byTopic.set(topic, offsets);
  }
  return byTopic;
}

/** `Promise.all(items.map(fn))` with at most `limit` calls in flight; results in input order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next;
      next += 1;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
