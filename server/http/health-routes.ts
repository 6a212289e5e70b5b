import { type HealthResponse, healthRoute } from "@/lib/api/health";
import type { Pipeline } from "@/server/collector/collector-feature";
import type { Feature } from "@/server/feature";
import { heapLimitBytes } from "@/server/memory-budget";

/** Without the pipeline, health reports the broker and memory only. */
export const healthFeature: Feature<{ pipeline: Pipeline | null }> = {
  name: "health",
  start({ router, brokerMonitor, version, startedAt, config }, { pipeline }) {
    router.route(healthRoute, async ({ query }): Promise<HealthResponse> => {
      // `?fresh=1` checks the broker now instead of reporting the last periodic check.
      const broker = query.fresh !== undefined ? await brokerMonitor.checkNow() : brokerMonitor.current();
      return {
        status: broker.state === "up" ? "ok" : "degraded",
        version,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        broker,
        collector: pipeline?.collector.status() ?? null,
        store: pipeline?.store.stats() ?? null,
        memory: {
          rssBytes: process.memoryUsage.rss(),
          heapUsedBytes: process.memoryUsage().heapUsed,
          heapLimitBytes: heapLimitBytes(),
          budgetBytes: config.memoryBudgetBytes,
        },
      };
    });
    return { stop: async () => undefined };
  },
};
