"use client";

import { useQuery } from "@tanstack/react-query";
import type { FlowEdge, FlowGraph, FlowNode } from "@/lib/api/flows";
import { fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/components/live/query-keys";

/** The graph without its rates: what the layout depends on. */
export interface FlowShape {
  nodes: FlowNode[];
  edges: Omit<FlowEdge, "ratePerSec">[];
}

// Module-level so the select keeps its identity. Dropping rates and `generatedAt` means a refetch that
// only changed numbers yields a deep-equal result, which TanStack Query's structural sharing hands back
// as the *same* object: the layout memo downstream then never re-runs for a mere rate change.
const toShape = (graph: FlowGraph): FlowShape => ({
  nodes: graph.nodes,
  edges: graph.edges.map(({ ratePerSec: _rate, ...edge }) => edge),
});

export const fetchFlowGraph = ({ signal }: { signal: AbortSignal }) =>
  fetchJson<FlowGraph>("/api/flows", { signal });

/** The graph's shape; refreshed when `flows:stats` mentions something new, and on a slow poll. */
export function useFlowShape() {
  return useQuery({
    queryKey: queryKeys.flowGraph,
    queryFn: fetchFlowGraph,
    select: toShape,
    refetchInterval: 20_000,
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
      refetchInterval: 20_000,
    }).data ?? 0
  );
}
