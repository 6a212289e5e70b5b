import type { HealthResponse } from "@/lib/api/health";
import type { Feature } from "@/server/feature";

export const healthFeature: Feature = {
  name: "health",
  start({ router, brokerMonitor, version, startedAt }) {
    router.get("/api/health", async ({ url }): Promise<HealthResponse> => {
      // `?fresh=1` checks the broker now instead of reporting the last periodic check.
      const broker = url.searchParams.has("fresh") ? await brokerMonitor.checkNow() : brokerMonitor.current();
      return {
        status: broker.state === "up" ? "ok" : "degraded",
        version,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        broker,
      };
    });
    return { stop: async () => undefined };
  },
};
