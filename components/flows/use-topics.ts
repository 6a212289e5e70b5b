"use client";

import { useQuery } from "@tanstack/react-query";
import type { TopicsResponse } from "@/lib/api/flows";
import { fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/components/live/query-keys";

/**
 * `GET /api/topics`: the topic list changes rarely, so a slow poll keeps it current. Only one caller
 * passes `poll`, since every polling observer would run its own timer.
 */
export function useTopics({ poll = false }: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.topics,
    queryFn: ({ signal }) => fetchJson<TopicsResponse>("/api/topics", { signal }),
    refetchInterval: poll ? 15_000 : false,
  });
}
