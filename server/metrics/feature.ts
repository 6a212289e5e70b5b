/**
 * Prometheus metrics at `GET /metrics`: lag per group and topic, DLQ and re-drive figures, Eventscope's
 * own pipeline, API request durations (by route template) and the Node process. Every other figure is
 * looked up at scrape time (see sources.ts).
 */
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { Feature } from "@/server/feature";
import { registerDlqMetrics } from "@/server/metrics/dlq-metrics";
import { serveMetrics } from "@/server/metrics/endpoint";
import { requestTimer } from "@/server/metrics/http-metrics";
import { registerLagMetrics } from "@/server/metrics/lag-metrics";
import { registerPipelineMetrics } from "@/server/metrics/pipeline-metrics";
import { type MetricsServices, type MetricsSources, sourcesFrom } from "@/server/metrics/sources";

export function buildRegistry(sources: MetricsSources, version: string): Registry {
  // One registry per server (not prom-client's global one), so two servers in one test process never clash.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: "eventscope_build_info",
    help: "Always 1; the label says which Eventscope version runs",
    labelNames: ["version"],
    registers: [registry],
  }).set({ version }, 1);
  registerLagMetrics(registry, () => sources.lag());
  registerDlqMetrics(registry, () => sources.dlq());
  registerPipelineMetrics(registry, sources);
  return registry;
}

export const metricsFeature: Feature<MetricsServices> = {
  name: "metrics",
  start({ router, io, logger, version }, services) {
    const registry = buildRegistry(sourcesFrom(services), version);
    const time = requestTimer(registry);
    // The router reports each matched request with its route template, whichever feature registered it.
    router.observe(time);
    const unserve = serveMetrics(io.httpServer, registry, { logger, time });
    return {
      async stop() {
        unserve();
        registry.clear();
      },
    };
  },
};
