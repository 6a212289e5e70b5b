"use client";

import { useQuery } from "@tanstack/react-query";
import type { EventResponse } from "@/lib/api/events";
import type { EventRecord } from "@/lib/model/event";
import { fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/components/live/query-keys";

/** One full event for the drawer: tail rows carry only a short value preview. */
export function useEvent(id: string) {
  return useQuery({
    queryKey: queryKeys.event(id),
    // The id (`topic/partition/offset`) travels as one path segment.
    queryFn: async ({ signal }): Promise<EventRecord> =>
      (await fetchJson<EventResponse>(`/api/events/${encodeURIComponent(id)}`, { signal })).event,
    // A Kafka record never changes once written.
    staleTime: Infinity,
    gcTime: 60_000,
  });
}
