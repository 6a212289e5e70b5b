"use client";

import { useQuery } from "@tanstack/react-query";
import { healthRoute } from "@/lib/api/health";
import type { BrokerStatus } from "@/lib/model/status";
import { callApi } from "@/components/api/call-api";
import { queryKeys } from "@/components/live/query-keys";

/**
 * Broker reachability: fetched once from /api/health, then kept current by the server's
 * `broker:status` pushes (see LiveSocketProvider), which write the same shape into this query.
 */
export function useBrokerStatus(): BrokerStatus | undefined {
  const { data } = useQuery({
    queryKey: queryKeys.brokerStatus,
    queryFn: async () => (await callApi(healthRoute)).broker,
    staleTime: Infinity,
  });
  return data;
}
