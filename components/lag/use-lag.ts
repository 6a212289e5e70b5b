"use client";

/**
 * Lag data lives in the query cache under one key per resource: fetched once from the REST API, then
 * replaced by every socket push of the same shape (`lag:groups`, `lag:group`). Components only read.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import {
  lagGroupDetailResponseSchema,
  type LagGroupDetailResponse,
  lagGroupRoute,
  lagGroupsResponseSchema,
  type LagGroupsResponse,
  lagGroupsRoute,
} from "@/lib/api/lag";
import type { LagSubscription } from "@/lib/live/contract-lag";
import { callApi } from "@/components/api/call-api";
import { useLiveSocket } from "@/components/live/live-socket-provider";
import { queryKeys } from "@/components/live/query-keys";

export function useLagGroups() {
  return useQuery({
    queryKey: queryKeys.lagGroups,
    queryFn: () => callApi(lagGroupsRoute),
    // Kept current by the socket; a refetch would only repeat what the last push said.
    staleTime: Infinity,
  });
}

export function useLagGroup(group: string) {
  return useQuery({
    queryKey: queryKeys.lagGroup(group),
    queryFn: () => callApi(lagGroupRoute, { params: { group } }),
    staleTime: Infinity,
    // A 404 is an answer, not a hiccup.
    retry: (failures, error) => failures < 1 && !("status" in error && error.status === 404),
  });
}

/**
 * Joins the lag view (`group` null: the groups table) while mounted, again after every reconnect, and
 * writes each push into the cache. A group that disappears is refetched, so the page shows the 404.
 */
export function useLagLiveUpdates(group: string | null): void {
  const socket = useLiveSocket();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const subscription: LagSubscription = { group };
    const onGroups = (payload: LagGroupsResponse) => {
      const parsed = lagGroupsResponseSchema.safeParse(payload);
      if (parsed.success) queryClient.setQueryData(queryKeys.lagGroups, parsed.data);
    };
    const onGroup = (payload: LagGroupDetailResponse) => {
      const parsed = lagGroupDetailResponseSchema.safeParse(payload);
      if (parsed.success && parsed.data.group.id === group)
        queryClient.setQueryData(queryKeys.lagGroup(group), parsed.data);
    };
    const onGone = (gone: string) => {
      if (gone === group) void queryClient.invalidateQueries({ queryKey: queryKeys.lagGroup(gone) });
    };
    const subscribe = () => socket.emit("lag:subscribe", subscription);
    if (group === null) socket.on("lag:groups", onGroups);
    else {
      socket.on("lag:group", onGroup);
      socket.on("lag:group-gone", onGone);
    }
    socket.on("connect", subscribe);
    if (socket.connected) subscribe();
    return () => {
      socket.off("lag:groups", onGroups);
      socket.off("lag:group", onGroup);
      socket.off("lag:group-gone", onGone);
      socket.off("connect", subscribe);
      socket.emit("lag:unsubscribe", subscription);
    };
  }, [socket, queryClient, group]);
}
