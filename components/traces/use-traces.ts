"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { tracesRoute } from "@/lib/api/traces";
import { fetchRoute } from "@/components/api/call-api";
import { queryKeys } from "@/components/live/query-keys";
import { type TracesFilter, tracesApiPath } from "@/components/traces/trace-filter-params";

/** How often the recent-traces table asks again: new traces start all the time, nobody pushes them. */
export const TRACES_REFRESH_MS = 5_000;

/**
 * `GET /api/traces` for one filter, polled. While a changed filter loads, the previous list stays on screen
 * (dimmed by the table via `isPlaceholderData`) instead of flashing a skeleton.
 */
export function useTraces(filter: TracesFilter) {
  return useQuery({
    queryKey: queryKeys.traces(filter),
    queryFn: ({ signal }) => fetchRoute(tracesRoute, tracesApiPath(filter), { signal }),
    refetchInterval: TRACES_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}
