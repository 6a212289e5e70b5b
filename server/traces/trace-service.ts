/**
 * Answers trace questions from the store: one stitched trace for a pasted id, and recent trace summaries.
 * All stitching is the pure code in lib/traces; this file only feeds it the store, the lag poller's
 * commit history and the clock, and keeps each request's work bounded.
 */
import type { TraceResponse, TracesQuery, TracesResponse } from "@/lib/api/traces";
import { AppError } from "@/lib/errors";
import type { EventSummary } from "@/lib/model/event";
import {
  type ConsumptionPoint,
  type LinkedEvent,
  type StitchedTrace,
  type TraceSummary,
  collectTraceEvents,
  filterSummaries,
  findTraceSeeds,
  stitchTrace,
  summarizeTrace,
} from "@/lib/traces";
import { yieldToEventLoop } from "@/server/event-loop";
import { describeWindow } from "@/server/store/describe-window";
import { SummaryCache, traceCacheKey } from "@/server/traces/summary-cache";
import type { EventStore } from "@/server/store/event-store";
import { withStoreLookups } from "@/server/traces/store-lookups";
import { deadLetterGroups } from "@/server/traces/dead-letter-groups";

export interface TraceServiceDeps {
  store: EventStore;
  /** Commit history of consumer groups (from the lag poller), if it runs. */
  consumption: () => ConsumptionPoint[];
  /** Groups whose commits say nothing about the system (Eventscope's own collector). */
  isOwnGroup: (groupId: string) => boolean;
  isDlqTopic: (topic: string) => boolean;
  /** DLQ name patterns (a Spring Cloud Stream `error.<topic>.<group>` name names the group); default: the conventions'. */
  dlqPatterns?: readonly string[];
  now?: () => number;
}

/** A list looks at this many of the newest traces at most. */
const SCAN_TRACES = 500;
/** A list request stitches traces for at most this long, then answers with what it has. */
const LIST_BUDGET_MS = 40;
/**
 * ...but it always looks at this many of the newest traces first, however busy the machine: on a loaded
 * host the budget could otherwise run out after one or two, and the list would show only the newest trace.
 */
const MIN_SCANNED = 50;
/** Stitching runs in slices this long with a turn of the event loop between, so nothing waits on a list. */
const SLICE_MS = 10;
/** Events of one trace a list summary stitches at most (the trace page stitches the whole trace). */
const SUMMARY_EVENTS = 500;

export function createTraceService(deps: TraceServiceDeps) {
  const now = deps.now ?? Date.now;
  const { store } = deps;
  const summaries = new SummaryCache();

  /**
   * The lag poller's commit history by topic, without Eventscope's own groups. Built once per request: the
   * history covers every group and partition, so filtering it again for each trace of a list is what
   * would make a list slow.
   */
  const consumptionByTopic = (): Map<string, ConsumptionPoint[]> => {
    const out = new Map<string, ConsumptionPoint[]>();
    for (const p of deps.consumption()) {
      if (deps.isOwnGroup(p.group)) continue;
      const list = out.get(p.topic);
      if (list) list.push(p);
      else out.set(p.topic, [p]);
    }
    return out;
  };

  const stitch = (
    events: readonly (EventSummary | LinkedEvent)[],
    traceId: string | null,
    byTopic: Map<string, ConsumptionPoint[]>,
    groupsOfLetters?: ReadonlyMap<string, string>,
  ): StitchedTrace => {
    const topics = new Set(events.map((e) => ("event" in e ? e.event.topic : e.topic)));
    const consumption = [...topics].flatMap((t) => byTopic.get(t) ?? []);
    return stitchTrace(events, {
      now: now(),
      traceId: traceId ?? undefined,
      consumption,
      isDlqTopic: deps.isDlqTopic,
      // The demo and most teams name consumer groups after the service.
      groupForService: (service: string) => service,
      deadLetterGroups: groupsOfLetters,
    });
  };

  return {
    async getTrace(raw: string): Promise<TraceResponse> {
      const { seeds, collected } = await withStoreLookups(store, (lookup) => {
        const found = findTraceSeeds(raw, lookup);
        return { seeds: found, collected: collectTraceEvents(found.events, lookup) };
      });
      if (seeds.events.length === 0 || seeds.matchedBy === null)
        throw new AppError(
          "not_found",
          `No trace, correlation id or message id "${raw}" in the store; ${describeWindow(store.stats().window)}.`,
        );
      const letterGroups = await deadLetterGroups(
        store,
        collected.events.map((l) => l.event),
        deps.isDlqTopic,
        deps.dlqPatterns,
      );
      const trace = stitch(collected.events, seeds.traceId, consumptionByTopic(), letterGroups);
      const deadLetterLinks: Record<string, string> = {};
      for (const hop of trace.hops) {
        if (hop.deadLetter)
          deadLetterLinks[hop.id] =
            `/dlq/${encodeURIComponent(hop.topic)}?letter=${encodeURIComponent(hop.id)}`;
      }
      return {
        query: { raw, kind: seeds.query.kind, matchedBy: seeds.matchedBy },
        trace,
        summary: summarizeTrace(trace),
        truncated: collected.truncated,
        deadLetterLinks,
      };
    },

    async listRecent(query: TracesQuery): Promise<Omit<TracesResponse, "window">> {
      const started = performance.now();
      const byTopic = consumptionByTopic();
      const traces: TraceSummary[] = [];
      const keys = await store.recentTraceKeys(SCAN_TRACES);
      let partial = false;
      let scannedBackTo: number | null = null;
      const at = now();
      let sliceStarted = started;
      for (const [index, key] of keys.entries()) {
        const cacheKey = traceCacheKey(key.traceId, key.correlationId)!;
        let summary = summaries.get(cacheKey, at);
        if (!summary) {
          const events = await (key.traceId !== null
            ? store.byTraceId(key.traceId, SUMMARY_EVENTS)
            : store.byCorrelationId(key.correlationId, SUMMARY_EVENTS));
          summary = summarizeTrace(stitch(events, key.traceId, byTopic));
          summaries.set(cacheKey, summary, at);
        }
        if (filterSummaries([summary], query).length === 1) traces.push(summary);
        if (traces.length >= query.limit) break;
        const tick = performance.now();
        if (index + 1 >= MIN_SCANNED && tick - started > LIST_BUDGET_MS) {
          partial = index + 1 < keys.length;
          scannedBackTo = partial ? summary.startedAt : null;
          break;
        }
        if (tick - sliceStarted > SLICE_MS) {
          await yieldToEventLoop();
          sliceStarted = performance.now();
        }
      }
      return { traces, partial, scannedBackTo };
    },

    /** Stored events of these traces: their list summaries are out of date. */
    eventsStored(events: readonly EventSummary[]): void {
      if (summaries.size === 0) return;
      for (const e of events) {
        const key = traceCacheKey(e.traceId, e.correlationId);
        if (key !== null) summaries.invalidate(key);
      }
    },
  };
}

export type TraceService = ReturnType<typeof createTraceService>;
