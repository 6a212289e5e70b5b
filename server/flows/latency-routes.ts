/** `GET /api/flows/edges/:id`: one edge's latency drill-down (the graph's own latency is in /api/flows). */
import { flowEdgeRoute } from "@/lib/api/flow-latency";
import type { FlowLatencyService } from "@/server/flows/flow-latency-service";
import type { Router } from "@/server/http/router";

export function registerLatencyRoutes(router: Router, latency: FlowLatencyService): void {
  router.route(flowEdgeRoute, ({ params, query }) => {
    const now = Date.now();
    return latency.aggregator.edge(params.id, query.window, latency.windowEnd(query.at, now), now);
  });
}
