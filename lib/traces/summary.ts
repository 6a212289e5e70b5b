import { compareText } from "./order";
import type { StitchedTrace, TraceStatus, TraceSummary } from "./types";

/** One line of the traces table (`GET /api/traces`). The root is the first hop in causal order. */
export function summarizeTrace(trace: StitchedTrace): TraceSummary {
  const root = trace.hops[0];
  const distinct = (values: (string | null)[]) =>
    [...new Set(values.filter((v): v is string => v !== null))].sort(compareText);
  return {
    traceId: trace.traceId,
    rootEventType: root?.eventType ?? null,
    rootService: root?.service ?? null,
    services: distinct(trace.hops.map((h) => h.service)),
    topics: distinct(trace.hops.map((h) => h.topic)),
    hopCount: trace.hops.length,
    startedAt: trace.startedAt,
    endedAt: trace.endedAt,
    durationMs: trace.durationMs,
    hasDeadLetter: trace.hops.some((h) => h.deadLetter),
    errorCount: trace.hops.filter((h) => h.status === "error").length,
    status: trace.status,
  };
}

export interface SummaryFilter {
  /** Exact service name: one of the trace's services. */
  service?: string;
  /** Exact topic name: one of the trace's topics. */
  topic?: string;
  status?: TraceStatus;
  minDurationMs?: number;
}

/** Keeps the summaries matching every given criterion; an empty filter keeps all, in the given order. */
export function filterSummaries(list: readonly TraceSummary[], filter: SummaryFilter): TraceSummary[] {
  return list.filter(
    (s) =>
      (filter.service === undefined || s.services.includes(filter.service)) &&
      (filter.topic === undefined || s.topics.includes(filter.topic)) &&
      (filter.status === undefined || s.status === filter.status) &&
      (filter.minDurationMs === undefined || s.durationMs >= filter.minDurationMs),
  );
}
