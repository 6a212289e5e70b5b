import { type HealthResponse, healthRoute } from "@/lib/api/health";
import type { Collector } from "@/server/collector/collector";
import type { Feature } from "@/server/feature";
import type { EventStore } from "@/server/store/event-store";

export const healthFeature: Feature = {
  name: "health",
  start({ router, brokerMonitor, version, startedAt, registry, config }) {
    router.route(healthRoute, async ({ query }): Promise<HealthResponse> => {
      // `?fresh=1` checks the broker now instead of reporting the last periodic check.
      const broker = query.fresh !== undefined ? await brokerMonitor.checkNow() : brokerMonitor.current();
      return {
        status: broker.state === "up" ? "ok" : "degraded",
        version,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        broker,
        // Looked up per request: the collector starts after this route is registered.
        collector: (registry.get("collector") as Collector | undefined)?.status() ?? null,
        store: (registry.get("index") as EventStore | undefined)?.stats() ?? null,
        memory: {
          rssBytes: process.memoryUsage.rss(),
          heapUsedBytes: process.memoryUsage().heapUsed,
          budgetBytes: config.memoryBudgetBytes,
        },
      };
    });
    return { stop: async () => undefined };
  },
};
