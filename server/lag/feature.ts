/** The lag feature: one admin poller, its service in the registry, REST routes and live pushes. */
import { isInternalGroup } from "@/lib/lag/internal-group";
import type { Feature } from "@/server/feature";
import { createClusterReader } from "@/server/lag/cluster-reader";
import { registerLagLive } from "@/server/lag/live";
import { registerLagRoutes } from "@/server/lag/routes";
import { LAG_SERVICE_KEY, startLagService } from "@/server/lag/service";

export const lagFeature: Feature = {
  name: "lag",
  start({ config, logger, router, io, registry }) {
    const log = logger.child({ component: "lag" });
    const reader = createClusterReader(config, log);
    const service = startLagService({
      intervalMs: config.lagIntervalMs,
      read: reader.read,
      logger: log,
      isInternalGroup: (id) => isInternalGroup(id, config.kafka.clientId),
    });
    registry.set(LAG_SERVICE_KEY, service);
    registerLagRoutes(router, service);
    const stopLive = registerLagLive(io, service);
    return {
      async stop() {
        stopLive();
        registry.delete(LAG_SERVICE_KEY);
        await service.stop();
        await reader.close();
      },
    };
  },
};
