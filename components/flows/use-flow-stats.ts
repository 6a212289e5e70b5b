"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { FlowGraph, FlowStats } from "@/lib/api/flows";
import { useLiveSocket } from "@/components/live/live-socket-provider";
import { queryKeys } from "@/components/live/query-keys";
import { type ThroughputSeries, appendSample } from "@/components/flows/throughput-series";

/** A graph this old may be refetched when the stats mention an edge or topic it does not have. */
const GRAPH_REFRESH_MIN_AGE_MS = 5_000;

function mentionsUnknown(graph: FlowGraph, stats: FlowStats): boolean {
  const edges = new Set(graph.edges.map((e) => e.id));
  const nodes = new Set(graph.nodes.map((n) => n.id));
  return (
    Object.keys(stats.edgeRates).some((id) => !edges.has(id)) ||
    Object.keys(stats.topicRates).some((topic) => !nodes.has(`topic:${topic}`))
  );
}

/**
 * Joins the server's 1 Hz `flows:stats` broadcast while the Flows page is open (again after a reconnect)
 * and writes each push into the cache: the latest one, and the rolling window the chart draws.
 */
export function useFlowStatsSubscription(): void {
  const socket = useLiveSocket();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const onStats = (stats: FlowStats) => {
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
    };
    const subscribe = () => socket.emit("flows:subscribe");
    socket.on("flows:stats", onStats);
    socket.on("connect", subscribe);
    if (socket.connected) subscribe();
    return () => {
      socket.off("flows:stats", onStats);
      socket.off("connect", subscribe);
      socket.emit("flows:unsubscribe");
    };
  }, [socket, queryClient]);
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
