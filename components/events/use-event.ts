"use client";

import { useQuery } from "@tanstack/react-query";
import { eventRoute } from "@/lib/api/events";
import { callApi } from "@/components/api/call-api";
import { queryKeys } from "@/components/live/query-keys";

/** One full event for the drawer (tail rows carry only a summary), or word that its payload expired. */
export function useEvent(id: string) {
  return useQuery({
    queryKey: queryKeys.event(id),
    // The id (`topic/partition/offset`) travels as one path segment: callApi encodes its slashes.
    queryFn: ({ signal }) => callApi(eventRoute, { params: { id }, signal }),
    // A Kafka record never changes once written.
    staleTime: Infinity,
    gcTime: 60_000,
  });
}
