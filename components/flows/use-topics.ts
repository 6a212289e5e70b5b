"use client";

import { useQuery } from "@tanstack/react-query";
import { topicsRoute } from "@/lib/api/flows";
import { callApi } from "@/components/api/call-api";
import { queryKeys } from "@/components/live/query-keys";

/**
 * `GET /api/topics`: the topic list changes rarely, so a slow poll keeps it current. Only one caller
 * passes `poll`, since every polling observer would run its own timer.
 */
export function useTopics({ poll = false }: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.topics,
    queryFn: ({ signal }) => callApi(topicsRoute, { signal }),
    refetchInterval: poll ? 15_000 : false,
  });
}
