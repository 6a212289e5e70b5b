import type { HealthResponse } from "@/lib/api/health";
import type { BrokerMonitor } from "@/server/kafka/broker-monitor";
import type { Router } from "@/server/http/router";

export interface HealthDeps {
  brokerMonitor: BrokerMonitor;
  version: string;
  startedAt: number;
}

export function registerHealthRoutes(router: Router, deps: HealthDeps): void {
  router.get("/api/health", async ({ url }): Promise<HealthResponse> => {
    // `?fresh=1` checks the broker now instead of reporting the last periodic check.
    const broker = url.searchParams.has("fresh")
      ? await deps.brokerMonitor.checkNow()
      : deps.brokerMonitor.current();
    return {
      status: broker.state === "up" ? "ok" : "degraded",
      version: deps.version,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
      broker,
    };
  });
}
