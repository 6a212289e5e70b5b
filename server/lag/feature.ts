/** The lag feature: one admin poller, its service for other features, REST routes and live pushes. */
import { isInternalGroup } from "@/lib/lag/internal-group";
import type { Feature, ServingFeature } from "@/server/feature";
import { createClusterReader } from "@/server/lag/cluster-reader";
import { registerLagLive } from "@/server/lag/live";
import { registerLagRoutes } from "@/server/lag/routes";
import { type LagService, startLagService } from "@/server/lag/service";

export const lagFeature: Feature<object, ServingFeature<LagService>> = {
  name: "lag",
  start({ config, logger, router, io }) {
    const log = logger.child({ component: "lag" });
    const reader = createClusterReader(config, log);
    const service = startLagService({
      intervalMs: config.lagIntervalMs,
      read: reader.read,
      logger: log,
      isInternalGroup: (id) => isInternalGroup(id, config.kafka.clientId),
    });
    registerLagRoutes(router, service);
    const stopLive = registerLagLive(io, service);
    return {
      service,
      async stop() {
        stopLive();
        await service.stop();
        await reader.close();
      },
    };
  },
};
