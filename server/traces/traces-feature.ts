/** `GET /api/traces`, `GET /api/traces/:id` and live "trace changed" notices for watched traces. */
import { traceRoute, tracesRoute } from "@/lib/api/traces";
import { isDlqTopicName } from "@/lib/dlq";
import type { Pipeline } from "@/server/collector/collector-feature";
import type { Feature } from "@/server/feature";
import type { LagService } from "@/server/lag/service";
import { createTraceService } from "@/server/traces/trace-service";
import { createTraceWatch } from "@/server/traces/trace-watch";
import { LIST_SHARED_FOR_MS } from "@/server/http/shared-answers";

/** Without the lag feature, hops show no consumption times. */
export const tracesFeature: Feature<{ pipeline: Pipeline; lag: LagService | null }> = {
  name: "traces",
  start(ctx, { pipeline: { store, feed }, lag }) {
    const service = createTraceService({
      store,
      consumption: () => lag?.consumptionHistory() ?? [],
      isOwnGroup: (g) => g.startsWith(`${ctx.config.kafka.clientId}-`),
      isDlqTopic: (t) => isDlqTopicName(t, ctx.config.dlq.patterns),
      dlqPatterns: ctx.config.dlq.patterns,
    });

    ctx.router.route(
      tracesRoute,
      async ({ query }) => ({ ...(await service.listRecent(query)), window: store.stats().window }),
      { sharedForMs: LIST_SHARED_FOR_MS },
    );
    // The id arrives trimmed and 1–512 characters long (the contract's schema).
    ctx.router.route(traceRoute, ({ params }) => service.getTrace(params.id));

    const watch = createTraceWatch(ctx.io);
    const unsubscribe = feed.subscribe((events) => {
      service.eventsStored(events);
      watch.eventsStored(events);
    });

    return {
      async stop() {
        unsubscribe();
        watch.stop();
      },
    };
  },
};
