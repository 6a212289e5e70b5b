/**
 * The lag service: the state the poll outcomes built, behind a small read API, offered to other features
 * by the lag feature. The traces feature uses `consumedAt` to tell when a group consumed a hop; the REST
 * routes and the socket use the snapshots. Where the outcomes come from is the feature's choice: this
 * instance's own poller (`startLagService`), or the owner instance's, read back from Kafka (shared-lag.ts).
 */
import type { LagGroupDetailResponse, LagGroupsResponse } from "@/lib/api/lag";
import { DEFAULT_COMMIT_WINDOW_SIZE, parseOffset } from "@/lib/lag";
import { LagState } from "@/server/lag/lag-state";
import { type GroupFigures, groupFigures } from "@/server/lag/figures";
import { historyGeometry } from "@/server/lag/partition-history";
import { createPollRecorder } from "@/server/lag/poll-status";
import { type PollOutcome, startLagPoller } from "@/server/lag/poller";
import type { ClusterObservation } from "@/server/lag/types";
import { groupDetail, groupSummary } from "@/server/lag/views";
import type { Logger } from "@/server/logger";

/** One observation of a group's committed offset on a partition (the next offset it will read). */
export interface ConsumptionPoint {
  group: string;
  topic: string;
  partition: number;
  committedOffset: string;
  observedAt: number;
}

/** When `group` consumed a record: between `notYetAt` (still unread) and `consumedBy` (read by then). */
export interface ConsumedBy {
  group: string;
  /** First poll at which the committed offset was past the record; null while it is not (yet). */
  consumedBy: number | null;
  /** Last poll before that at which the record was still unread; null when no such poll is kept. */
  notYetAt: number | null;
}

export interface LagService {
  /** The groups table as of the last poll. */
  groups(): LagGroupsResponse;
  /** One group's detail as of the last poll; null when Kafka did not list the group. */
  group(id: string): LagGroupDetailResponse | null;
  /** Every group's figures per topic as of the last poll, as plain numbers (for the metrics). */
  figures(): GroupFigures[];
  /** Every change of a committed offset kept in the history (≥ 1 h), per partition oldest first. */
  consumptionHistory(): ConsumptionPoint[];
  /** For each group reading topic/partition, when it consumed `offset` (from the kept history). */
  consumedAt(topic: string, partition: number, offset: bigint | string): ConsumedBy[];
  /** Resolves once a first poll has finished (successfully or not), or after `timeoutMs`. */
  ready(timeoutMs?: number): Promise<void>;
  /** Called after every poll, successful or not; returns the unsubscribe function. */
  onPoll(listener: () => void): () => void;
}

export interface RunningLagService extends LagService {
  pollNow(): Promise<void>;
  stop(): Promise<void>;
}

/** The lag service fed by the outcomes handed to `record`, in order. */
export interface RecordingLagService extends LagService {
  record(outcome: PollOutcome): void;
}

export interface LagServiceOptions {
  /** The poll interval (it sizes the history and the in-flight allowance). */
  intervalMs: number;
  logger: Logger;
  /** Marks Eventscope's own groups (flagged `internal` in the API); none by default. */
  isInternalGroup?: (groupId: string) => boolean;
}

/** One instance on its own: its poller's outcomes feed its service directly. */
export function startLagService(
  options: LagServiceOptions & { read: () => Promise<ClusterObservation>; autoStart?: boolean },
): RunningLagService {
  const service = createLagService(options);
  const poller = startLagPoller({
    intervalMs: options.intervalMs,
    read: options.read,
    deliver: (outcome) => service.record(outcome),
    logger: options.logger,
    autoStart: options.autoStart,
  });
  return { ...service, pollNow: () => poller.pollNow(), stop: () => poller.stop() };
}

export function createLagService(options: LagServiceOptions): RecordingLagService {
  const isInternal = options.isInternalGroup ?? (() => false);
  // Burrow judges a window of 10 commits; a poller sees at most one commit per poll, so silence is
  // never called STOP before 10 polls have passed, however young the window.
  const state = new LagState({
    history: historyGeometry(options.intervalMs),
    minStopSpanMs: DEFAULT_COMMIT_WINDOW_SIZE * options.intervalMs,
    // What a consumer that keeps pace has not committed yet at a poll: about one interval of traffic.
    inFlightMs: options.intervalMs,
  });
  const listeners = new Set<() => void>();
  let snapshot: LagGroupsResponse | null = null;
  const details = new Map<string, LagGroupDetailResponse | null>();
  let firstPoll: () => void = () => undefined;
  const firstPollDone = new Promise<void>((resolve) => (firstPoll = resolve));

  const recorder = createPollRecorder({
    state,
    logger: options.logger,
    onPoll: () => {
      snapshot = null;
      details.clear();
      firstPoll();
      for (const listener of listeners) listener();
    },
  });

  const pollInfo = () => {
    const status = recorder.status();
    return {
      observedAt: status.observedAt,
      intervalMs: options.intervalMs,
      stale: status.stale,
      error: status.error,
      endOffset: "last-stable-offset" as const,
    };
  };
  const asOf = () => recorder.status().observedAt ?? Date.now();

  const partitionsOf = function* () {
    for (const group of state.groups.values())
      for (const partition of group.partitions.values()) yield { group: group.id, partition };
  };

  return {
    groups() {
      snapshot ??= {
        ...pollInfo(),
        groups: [...state.groups.values()].map((g) => groupSummary(g, asOf(), isInternal(g.id))),
      };
      return snapshot;
    },
    group(id) {
      if (!details.has(id)) {
        const entry = state.groups.get(id);
        details.set(id, entry ? groupDetail(entry, pollInfo(), asOf(), isInternal(id)) : null);
      }
      return details.get(id) ?? null;
    },
    figures() {
      return [...state.groups.values()].map((g) => groupFigures(g, isInternal(g.id)));
    },
    consumptionHistory() {
      const out: ConsumptionPoint[] = [];
      for (const { group, partition: p } of partitionsOf()) {
        let previous: bigint | null = null;
        for (const point of p.history.points()) {
          if (point.committed === null || point.committed === previous) continue;
          previous = point.committed;
          out.push({
            group,
            topic: p.topic,
            partition: p.partition,
            committedOffset: point.committed.toString(),
            observedAt: point.t,
          });
        }
      }
      return out;
    },
    consumedAt(topic, partition, offset) {
      const target = parseOffset(offset);
      if (target === null) return [];
      const out: ConsumedBy[] = [];
      for (const { group, partition: p } of partitionsOf()) {
        if (p.topic !== topic || p.partition !== partition) continue;
        let notYetAt: number | null = null;
        let consumedBy: number | null = null;
        for (const point of p.history.points()) {
          if (point.committed === null) continue;
          if (point.committed > target) {
            consumedBy = point.t;
            break;
          }
          notYetAt = point.t;
        }
        out.push({ group, consumedBy, notYetAt });
      }
      return out;
    },
    async ready(timeoutMs = 10_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([firstPollDone, timeout]);
      clearTimeout(timer);
    },
    onPoll(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    record: (outcome) => recorder.record(outcome),
  };
}
