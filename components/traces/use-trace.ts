"use client";

import { type Query, useQuery } from "@tanstack/react-query";
import { type TraceResponse, traceRoute } from "@/lib/api/traces";
import { callApi } from "@/components/api/call-api";
import { ApiError } from "@/components/api/fetch-json";
import { queryKeys } from "@/components/live/query-keys";

/** While a trace is unknown, ask again this often: an id pasted right after a request may not be indexed yet. */
export const NOT_FOUND_RECHECK_MS = 3_000;

export const isNotFound = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.status === 404;

/**
 * While a trace is running, consumption evidence (committed offsets seen by the lag poller) keeps arriving
 * after its last message, and no new event announces it: look again at this pace until it settles.
 */
export const IN_PROGRESS_REFRESH_MS = 5_000;

const refetchInterval = (query: Query<TraceResponse, Error>) => {
  if (isNotFound(query.state.error)) return NOT_FOUND_RECHECK_MS;
  return query.state.data?.summary.status === "in-progress" ? IN_PROGRESS_REFRESH_MS : false;
};

/**
 * One stitched trace by the id as pasted (trace id, traceparent, B3 id or correlation id). New hops are
 * announced by `trace:changed` (see useTraceWatch), so it is never stale by age; only a running trace is
 * also re-read on a slow beat, for its consumers. A 404 is an answer, not a glitch: it is not retried,
 * only re-checked until the trace turns up.
 */
export function useTrace(id: string) {
  return useQuery({
    queryKey: queryKeys.trace(id),
    queryFn: ({ signal }) => callApi(traceRoute, { params: { id }, signal }),
    staleTime: Infinity,
    retry: (failures, error) => !isNotFound(error) && failures < 1,
    refetchInterval,
  });
}
