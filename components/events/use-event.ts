"use client";

import { useQuery } from "@tanstack/react-query";
import type { EventResponse } from "@/lib/api/events";
import { fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/components/live/query-keys";

/** One full event for the drawer (tail rows carry only a summary), or word that its payload expired. */
export function useEvent(id: string) {
  return useQuery({
    queryKey: queryKeys.event(id),
    // The id (`topic/partition/offset`) travels as one path segment.
    queryFn: ({ signal }): Promise<EventResponse> =>
      fetchJson<EventResponse>(`/api/events/${encodeURIComponent(id)}`, { signal }),
    // A Kafka record never changes once written.
    staleTime: Infinity,
    gcTime: 60_000,
  });
}
