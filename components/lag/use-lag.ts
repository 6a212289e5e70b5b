"use client";

/**
 * Lag data lives in the query cache under one key per resource: fetched once from the REST API, then
 * replaced by every socket push of the same shape (`lag:groups`, `lag:group`). Components only read.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  lagGroupDetailResponseSchema,
  lagGroupRoute,
  lagGroupsResponseSchema,
  lagGroupsRoute,
} from "@/lib/api/lag";
import { callApi } from "@/components/api/call-api";
import { useChannel } from "@/components/live/use-channel";
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
 * Joins the `lag` channel (`group` null: the groups table) while mounted, again after every reconnect, and
 * writes each push into the cache. A group that disappears is refetched, so the page shows the 404.
 */
export function useLagLiveUpdates(group: string | null): void {
  const queryClient = useQueryClient();
  useChannel(
    { channel: "lag", group },
    {
      on:
        group === null
          ? {
              "lag:groups": (payload) => {
                const parsed = lagGroupsResponseSchema.safeParse(payload);
                if (parsed.success) queryClient.setQueryData(queryKeys.lagGroups, parsed.data);
              },
            }
          : {
              "lag:group": (payload) => {
                const parsed = lagGroupDetailResponseSchema.safeParse(payload);
                if (parsed.success && parsed.data.group.id === group)
                  queryClient.setQueryData(queryKeys.lagGroup(group), parsed.data);
              },
              "lag:group-gone": (gone) => {
                if (gone === group)
                  void queryClient.invalidateQueries({ queryKey: queryKeys.lagGroup(gone) });
              },
            },
    },
  );
}
