/**
 * Which consumer groups read which topics, and how fast: assignments of active groups plus the topics an
 * empty group has committed offsets for, and consume rates from the growth of committed offsets between
 * polls. Drives the consumer side of the flow graph.
 */
import { type Admin, AssignerProtocol, type Kafka } from "kafkajs";
import type { Logger } from "@/server/logger";

export interface GroupTopic {
  group: string;
  topic: string;
  /** Messages/s committed by the group on this topic between the last two polls; null after the first. */
  ratePerSec: number | null;
}

export interface GroupTopology {
  current(): GroupTopic[];
  stop(): Promise<void>;
}

export function startGroupTopology(
  kafka: Kafka,
  logger: Logger,
  options: { intervalMs: number; isOwnGroup: (groupId: string) => boolean },
): GroupTopology {
  let admin: Admin | null = null;
  let current: GroupTopic[] = [];
  const previous = new Map<string, { sum: bigint; at: number }>();
  let stopped = false;

  const poll = async () => {
    try {
      if (!admin) {
        admin = kafka.admin();
        await admin.connect();
      }
      const groups = (await admin.listGroups()).groups
        .map((g) => g.groupId)
        .filter((g) => !options.isOwnGroup(g));
      const described = groups.length > 0 ? (await admin.describeGroups(groups)).groups : [];
      const next: GroupTopic[] = [];
      const now = Date.now();
      for (const group of described) {
        const assigned = new Set<string>();
        for (const member of group.members) {
          const decoded =
            member.memberAssignment.length > 0
              ? AssignerProtocol.MemberAssignment.decode(member.memberAssignment)
              : null;
          for (const topic of Object.keys(decoded?.assignment ?? {})) assigned.add(topic);
        }
        const offsets = await admin.fetchOffsets({ groupId: group.groupId });
        for (const t of offsets) {
          const committed = t.partitions.filter((p) => Number(p.offset) >= 0);
          if (committed.length === 0 && !assigned.has(t.topic)) continue;
          assigned.add(t.topic);
          const sum = committed.reduce((acc, p) => acc + BigInt(p.offset), 0n);
          const key = `${group.groupId}\u0000${t.topic}`;
          const prev = previous.get(key);
          previous.set(key, { sum, at: now });
          const rate =
            prev && now > prev.at ? Math.max(0, Number(sum - prev.sum) / ((now - prev.at) / 1000)) : null;
          next.push({ group: group.groupId, topic: t.topic, ratePerSec: rate });
        }
        for (const topic of assigned) {
          if (!next.some((g) => g.group === group.groupId && g.topic === topic))
            next.push({ group: group.groupId, topic, ratePerSec: null });
        }
      }
      current = next;
    } catch (error) {
      logger.debug({ err: error }, "group topology poll failed");
      const stale = admin;
      admin = null;
      await stale?.disconnect().catch(() => undefined);
    }
  };

  let timer: NodeJS.Timeout | null = null;
  const loop = async () => {
    await poll();
    if (!stopped) timer = setTimeout(loop, options.intervalMs);
  };
  void loop();

  return {
    current: () => current,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await admin?.disconnect().catch(() => undefined);
    },
  };
}
