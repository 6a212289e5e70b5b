"use client";

import { useQuery } from "@tanstack/react-query";
import type { HealthResponse } from "@/lib/api/health";
import type { BrokerStatus } from "@/lib/model/status";
import { fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/components/live/query-keys";

/**
 * Broker reachability: fetched once from /api/health, then kept current by the server's
 * `broker:status` pushes (see LiveSocketProvider), which write the same shape into this query.
 */
export function useBrokerStatus(): BrokerStatus | undefined {
  const { data } = useQuery({
    queryKey: queryKeys.brokerStatus,
    queryFn: async () => (await fetchJson<HealthResponse>("/api/health")).broker,
    staleTime: Infinity,
  });
  return data;
}
