"use client";

import { type Query, useQuery } from "@tanstack/react-query";
import type { TraceResponse } from "@/lib/api/traces";
import { ApiError, fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/components/live/query-keys";

/** While a trace is unknown, ask again this often: an id pasted right after a request may not be indexed yet. */
export const NOT_FOUND_RECHECK_MS = 3_000;

export const isNotFound = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.status === 404;

const recheckWhileNotFound = (query: Query<TraceResponse, Error>) =>
  isNotFound(query.state.error) ? NOT_FOUND_RECHECK_MS : false;

/**
 * One stitched trace by the id as pasted (trace id, traceparent, B3 id or correlation id). It changes only
 * when `trace:changed` says so (see useTraceWatch), so it is never stale by age. A 404 is an answer, not a
 * glitch: it is not retried, only re-checked slowly until the trace turns up.
 */
export function useTrace(id: string) {
  return useQuery({
    queryKey: queryKeys.trace(id),
    queryFn: ({ signal }) => fetchJson<TraceResponse>(`/api/traces/${encodeURIComponent(id)}`, { signal }),
    staleTime: Infinity,
    retry: (failures, error) => !isNotFound(error) && failures < 1,
    refetchInterval: recheckWhileNotFound,
  });
}
