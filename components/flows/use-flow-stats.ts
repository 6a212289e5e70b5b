"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FlowGraph, FlowStats } from "@/lib/api/flows";
import { useChannel } from "@/components/live/use-channel";
import { queryKeys } from "@/components/live/query-keys";
import { type ThroughputSeries, appendSample } from "@/components/flows/throughput-series";

/** A graph this old may be refetched when the stats mention an edge or topic it does not have. */
const GRAPH_REFRESH_MIN_AGE_MS = 5_000;
const FLOWS_CHANNEL = { channel: "flows" } as const;

function mentionsUnknown(graph: FlowGraph, stats: FlowStats): boolean {
  const edges = new Set(graph.edges.map((e) => e.id));
  const nodes = new Set(graph.nodes.map((n) => n.id));
  return (
    Object.keys(stats.edgeRates).some((id) => !edges.has(id)) ||
    Object.keys(stats.topicRates).some((topic) => !nodes.has(`topic:${topic}`))
  );
}

/**
 * Joins the `flows` channel (the server's 1 Hz `flows:stats` broadcast) while the Flows page is open (again after a reconnect)
 * and writes each push into the cache: the latest one, and the rolling window the chart draws.
 */
export function useFlowStatsSubscription(): void {
  const queryClient = useQueryClient();
  useChannel(FLOWS_CHANNEL, {
    on: {
      "flows:stats": (stats) => {
        queryClient.setQueryData(queryKeys.flowStats, stats);
        queryClient.setQueryData<ThroughputSeries>(queryKeys.flowSeries, (series) =>
          appendSample(series, stats),
        );
        // A new service, topic or group: the graph's shape changed, so fetch it again (not too often).
        const graph = queryClient.getQueryState<FlowGraph>(queryKeys.flowGraph);
        if (
          graph?.data &&
          Date.now() - graph.dataUpdatedAt > GRAPH_REFRESH_MIN_AGE_MS &&
          mentionsUnknown(graph.data, stats)
        )
          void queryClient.invalidateQueries({ queryKey: queryKeys.flowGraph });
      },
    },
  });
}

/** A slice of the latest `flows:stats` push (undefined until the first arrives); pushes only, no fetch. */
export function useFlowStats<T>(select: (stats: FlowStats) => T): T | undefined {
  return useQuery({ queryKey: queryKeys.flowStats, queryFn: skipToken, select, staleTime: Infinity }).data;
}

export function useThroughputSeries(): ThroughputSeries | undefined {
  return useQuery<ThroughputSeries>({
    queryKey: queryKeys.flowSeries,
    queryFn: skipToken,
    staleTime: Infinity,
    structuralSharing: false,
  }).data;
}
