/**
 * Answers trace questions from the index: one stitched trace for a pasted id, and recent trace summaries.
 * All stitching is the pure code in lib/traces; this file only feeds it the index, the lag poller's
 * commit history and the clock.
 */
import type { TraceResponse, TracesQuery } from "@/lib/api/traces";
import { AppError } from "@/lib/errors";
import { toTailEvent } from "@/lib/events/tail-preview";
import type { EventRecord } from "@/lib/model/event";
import {
  type ConsumptionPoint,
  type StitchedTrace,
  type TraceLookup,
  type TraceSummary,
  collectTraceEvents,
  filterSummaries,
  findTraceSeeds,
  stitchTrace,
  summarizeTrace,
} from "@/lib/traces";
import type { EventStore } from "@/server/index/event-store";
import { deadLetterOriginId } from "@/server/traces/dead-letter-origin";

export interface TraceServiceDeps {
  index: EventStore;
  /** Commit history of consumer groups (from the lag poller), if it runs. */
  consumption: () => ConsumptionPoint[];
  /** Groups whose commits say nothing about the system (Eventscope's own collector). */
  isOwnGroup: (groupId: string) => boolean;
  isDlqTopic: (topic: string) => boolean;
  now?: () => number;
}

/** Recent traces are found by walking this many newest events at most, so a list request stays cheap. */
const SCAN_EVENTS = 20_000;

export function createTraceService(deps: TraceServiceDeps) {
  const now = deps.now ?? Date.now;
  const lookup: TraceLookup = {
    byTraceId: (id) => deps.index.byTraceId(id),
    byMessageId: (id) => deps.index.byMessageId(id),
    byCausationId: (id) => deps.index.byCausationId(id),
    byCorrelationId: (id) => deps.index.byCorrelationId(id),
  };

  const stitch = (
    events: readonly Parameters<typeof stitchTrace>[0][number][],
    traceId: string | null,
  ): StitchedTrace => {
    const topics = new Set(events.map((e) => ("event" in e ? e.event.topic : e.topic)));
    const consumption = deps.consumption().filter((p) => topics.has(p.topic) && !deps.isOwnGroup(p.group));
    return stitchTrace(events, {
      now: now(),
      traceId: traceId ?? undefined,
      consumption,
      isDlqTopic: deps.isDlqTopic,
      deadLetterOrigin: (e: EventRecord) => (deps.isDlqTopic(e.topic) ? deadLetterOriginId(e) : null),
      // The demo and most teams name consumer groups after the service.
      groupForService: (service: string) => service,
    });
  };

  const notFound = (raw: string): never => {
    const w = deps.index.stats().window;
    const covers =
      w.from !== null && w.to !== null
        ? `the index covers ${new Date(w.from).toISOString()} to ${new Date(w.to).toISOString()} (${w.events} events${w.evicted ? "; older events were evicted to stay within the memory budget" : ""})`
        : "the index is empty: no events have been read yet";
    throw new AppError(
      "not_found",
      `No trace, correlation id or message id "${raw}" in the index; ${covers}.`,
    );
  };

  return {
    getTrace(raw: string): TraceResponse {
      const seeds = findTraceSeeds(raw, lookup);
      if (seeds.events.length === 0 || seeds.matchedBy === null) return notFound(raw);
      const collected = collectTraceEvents(seeds.events, lookup);
      const trace = stitch(collected.events, seeds.traceId);
      const deadLetterLinks: Record<string, string> = {};
      for (const hop of trace.hops) {
        if (hop.deadLetter)
          deadLetterLinks[hop.id] =
            `/dlq/${encodeURIComponent(hop.topic)}?letter=${encodeURIComponent(hop.id)}`;
      }
      // Previews only: a trace of hundreds of hops must stay a small response; the panel fetches full events.
      const light: StitchedTrace = {
        ...trace,
        hops: trace.hops.map((h) => ({ ...h, event: toTailEvent(h.event) })),
      };
      return {
        query: { raw, kind: seeds.query.kind, matchedBy: seeds.matchedBy },
        trace: light,
        summary: summarizeTrace(trace),
        truncated: collected.truncated,
        deadLetterLinks,
      };
    },

    listRecent(query: TracesQuery): TraceSummary[] {
      const seen = new Set<string>();
      const summaries: TraceSummary[] = [];
      for (const event of deps.index.recent({}, SCAN_EVENTS)) {
        const key = event.traceId ?? (event.correlationId ? `corr:${event.correlationId}` : null);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        const events = event.traceId
          ? deps.index.byTraceId(event.traceId)
          : deps.index.byCorrelationId(event.correlationId ?? "");
        const summary = summarizeTrace(stitch(events, event.traceId));
        if (filterSummaries([summary], query).length === 1) summaries.push(summary);
        if (summaries.length >= query.limit) break;
      }
      return summaries;
    },
  };
}

export type TraceService = ReturnType<typeof createTraceService>;
