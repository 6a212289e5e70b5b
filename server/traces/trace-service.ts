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
  type TraceLookup,
  type TraceSummary,
  collectTraceEvents,
  filterSummaries,
  findTraceSeeds,
  stitchTrace,
  summarizeTrace,
} from "@/lib/traces";
import { describeWindow } from "@/server/store/describe-window";
import type { EventStore } from "@/server/store/event-store";

export interface TraceServiceDeps {
  store: EventStore;
  /** Commit history of consumer groups (from the lag poller), if it runs. */
  consumption: () => ConsumptionPoint[];
  /** Groups whose commits say nothing about the system (Eventscope's own collector). */
  isOwnGroup: (groupId: string) => boolean;
  isDlqTopic: (topic: string) => boolean;
  now?: () => number;
}

/** Recent traces are found among this many newest events at most. */
const SCAN_EVENTS = 5_000;
/** A list request stitches traces for at most this long, then answers with what it has. */
const LIST_BUDGET_MS = 40;
/** Events of one trace a list summary stitches at most (the trace page stitches the whole trace). */
const SUMMARY_EVENTS = 500;

export function createTraceService(deps: TraceServiceDeps) {
  const now = deps.now ?? Date.now;
  const { store } = deps;
  const lookup: TraceLookup = {
    byTraceId: (id) => store.byTraceId(id),
    byMessageId: (id) => store.byMessageId(id),
    byCausationId: (id) => store.byCausationId(id),
    byCorrelationId: (id) => store.byCorrelationId(id),
  };

  const stitch = (events: readonly (EventSummary | LinkedEvent)[], traceId: string | null): StitchedTrace => {
    const topics = new Set(events.map((e) => ("event" in e ? e.event.topic : e.topic)));
    const consumption = deps.consumption().filter((p) => topics.has(p.topic) && !deps.isOwnGroup(p.group));
    return stitchTrace(events, {
      now: now(),
      traceId: traceId ?? undefined,
      consumption,
      isDlqTopic: deps.isDlqTopic,
      // The demo and most teams name consumer groups after the service.
      groupForService: (service: string) => service,
    });
  };

  return {
    getTrace(raw: string): TraceResponse {
      const seeds = findTraceSeeds(raw, lookup);
      if (seeds.events.length === 0 || seeds.matchedBy === null)
        throw new AppError(
          "not_found",
          `No trace, correlation id or message id "${raw}" in the store; ${describeWindow(store.stats().window)}.`,
        );
      const collected = collectTraceEvents(seeds.events, lookup);
      const trace = stitch(collected.events, seeds.traceId);
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

    listRecent(query: TracesQuery): Omit<TracesResponse, "window"> {
      const started = performance.now();
      const recent = store.recent({}, SCAN_EVENTS);
      const seen = new Set<string>();
      const traces: TraceSummary[] = [];
      let partial = recent.partial;
      let scannedBackTo = recent.scannedBackTo;
      for (const event of recent.items) {
        const key = event.traceId ?? (event.correlationId ? `corr:${event.correlationId}` : null);
        if (!key || seen.has(key)) continue;
        if (performance.now() - started > LIST_BUDGET_MS) {
          partial = true;
          scannedBackTo = event.timestamp;
          break;
        }
        seen.add(key);
        const events = event.traceId
          ? store.byTraceId(event.traceId, SUMMARY_EVENTS)
          : store.byCorrelationId(event.correlationId ?? "", SUMMARY_EVENTS);
        const summary = summarizeTrace(stitch(events, event.traceId));
        if (filterSummaries([summary], query).length === 1) traces.push(summary);
        if (traces.length >= query.limit) break;
      }
      return { traces, partial, scannedBackTo };
    },
  };
}

export type TraceService = ReturnType<typeof createTraceService>;
