"use client";

import { useQuery } from "@tanstack/react-query";
import { healthRoute } from "@/lib/api/health";
import type { CollectorRunState } from "@/lib/model/status";
import { callApi } from "@/components/api/call-api";
import { queryKeys } from "@/components/live/query-keys";

/**
 * What the connected instance's collector is doing (null: the server runs without one): fetched from
 * /api/health on every (re)connect of the socket, then kept current by its `collector:state` pushes (see
 * LiveSocketProvider), which write the same value into this query.
 */
export function useCollectorState(): CollectorRunState | null | undefined {
  const { data } = useQuery({
    queryKey: queryKeys.collectorState,
    queryFn: async () => (await callApi(healthRoute)).collector?.state ?? null,
    staleTime: Infinity,
  });
  return data;
}
