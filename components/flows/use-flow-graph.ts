"use client";

import { useQuery } from "@tanstack/react-query";
import { type FlowGraph, flowsRoute } from "@/lib/api/flows";
import { callApi } from "@/components/api/call-api";
import { queryKeys } from "@/components/live/query-keys";
import { toFlowShape } from "@/components/flows/flow-shape";

export const fetchFlowGraph = ({ signal }: { signal: AbortSignal }) => callApi(flowsRoute, { signal });

/**
 * The graph's shape; refreshed when `flows:stats` mentions something new, and on a slow poll by the one
 * caller that passes `poll` (every polling observer would run its own timer).
 */
export function useFlowShape({ poll = false }: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.flowGraph,
    queryFn: fetchFlowGraph,
    select: toFlowShape,
    refetchInterval: poll ? 20_000 : false,
  });
}

const selectEdgeRate = (graph: FlowGraph, id: string) =>
  graph.edges.find((e) => e.id === id)?.ratePerSec ?? 0;

/** The rate the graph was fetched with: shown until the first `flows:stats` push arrives. */
export function useFetchedEdgeRate(id: string): number {
  return (
    useQuery({
      queryKey: queryKeys.flowGraph,
      queryFn: fetchFlowGraph,
      select: (graph: FlowGraph) => selectEdgeRate(graph, id),
      // Only reads what the graph panel fetched; dozens of edges must not each trigger a request.
      staleTime: Infinity,
    }).data ?? 0
  );
}
