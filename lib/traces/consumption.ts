import { parseOffset } from "@/lib/lag";
import type { EventSummary } from "@/lib/model/event";

import type { ConsumptionPoint, HopConsumer } from "./types";

interface Commit {
  offset: bigint;
  observedAt: number;
}

/** Commit history per `topic/partition`, then per group, oldest observation first. */
export type ConsumptionIndex = Map<string, Map<string, Commit[]>>;

const partitionKey = (topic: string, partition: number) => `${topic}/${partition}`;

/**
 * Indexes the lag poller's history once per trace so each hop looks up only its own partition. Points
 * whose committed offset is not a real offset (`-1` = never committed, garbage) are dropped: they say
 * nothing about what was read.
 */
export function indexConsumption(points: readonly ConsumptionPoint[]): ConsumptionIndex {
  const index: ConsumptionIndex = new Map();
  for (const point of points) {
    const offset = parseOffset(point.committedOffset);
    if (offset === null) continue;
    const key = partitionKey(point.topic, point.partition);
    const groups = index.get(key) ?? new Map<string, Commit[]>();
    index.set(key, groups);
    const commits = groups.get(point.group) ?? [];
    groups.set(point.group, commits);
    commits.push({ offset, observedAt: point.observedAt });
  }
  for (const groups of index.values()) {
    for (const commits of groups.values()) commits.sort((a, b) => a.observedAt - b.observedAt);
  }
  return index;
}

/**
 * The groups whose committed offset passed this record, each with the first poll that saw it. A committed
 * offset is the next offset to read, so `committed > offset` means the record was read. The poll time is
 * an upper bound (it was read at some point before); it is clamped to the record's own timestamp because
 * producer clocks and Eventscope's clock differ. The first passing poll is used, not the first after a
 * rewind: having read the record once is what "consumed" means here.
 */
export function committedConsumers(index: ConsumptionIndex, event: EventSummary): HopConsumer[] {
  const offset = parseOffset(event.offset);
  const groups = index.get(partitionKey(event.topic, event.partition));
  if (offset === null || !groups) return [];
  const consumers: HopConsumer[] = [];
  for (const [group, commits] of groups) {
    const first = commits.find((c) => c.offset > offset);
    if (!first) continue;
    consumers.push({
      group,
      service: null,
      consumedAt: Math.max(first.observedAt, event.timestamp),
      source: "committed-offset",
    });
  }
  return consumers;
}
