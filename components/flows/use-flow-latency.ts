"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { flowEdgeRoute, type LatencyWindowName } from "@/lib/api/flow-latency";
import { type FlowGraph, flowsRoute } from "@/lib/api/flows";
import { callApi } from "@/components/api/call-api";

/** Live windows are re-read every few seconds; a moment scrubbed back to does not change. */
const LIVE_REFRESH_MS = 5_000;

const latencyKey = (window: LatencyWindowName, at: number | null) =>
  ["flows", "latency", window, at] as const;

function fetchGraphAt(window: LatencyWindowName, at: number | null, signal: AbortSignal) {
  return callApi(flowsRoute, { query: at === null ? { window } : { window, at: String(at) }, signal });
}

/**
 * The graph as of a window (latency, and when scrubbed back the rates of that moment). Only the caller
 * passing `poll` refreshes it: every edge reads the same cache entry.
 */
export function useFlowAt<T>(
  window: LatencyWindowName,
  at: number | null,
  select: (graph: FlowGraph) => T,
  { poll = false }: { poll?: boolean } = {},
) {
  return useQuery({
    queryKey: latencyKey(window, at),
    queryFn: ({ signal }) => fetchGraphAt(window, at, signal),
    select,
    staleTime: poll ? 0 : Infinity,
    refetchInterval: poll && at === null ? LIVE_REFRESH_MS : false,
    placeholderData: keepPreviousData,
  });
}

export function useEdgeLatency(id: string, window: LatencyWindowName, at: number | null) {
  return useQuery({
    queryKey: ["flows", "edge", id, window, at] as const,
    queryFn: ({ signal }) =>
      callApi(flowEdgeRoute, {
        params: { id },
        query: at === null ? { window } : { window, at: String(at) },
        signal,
      }),
    refetchInterval: at === null ? LIVE_REFRESH_MS : false,
  });
}
