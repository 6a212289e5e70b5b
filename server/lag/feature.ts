/**
 * The lag feature: its service for other features, REST routes and live pushes. Alone, the instance
 * polls the cluster itself; given the deployment's ownership lease, only the owner polls and every
 * instance applies the outcomes it publishes (shared-lag.ts).
 */
import { logLevel } from "kafkajs";
import { isInternalGroup } from "@/lib/lag/internal-group";
import type { Ownership } from "@/server/cluster/ownership";
import type { Feature, ServingFeature } from "@/server/feature";
import { createKafka } from "@/server/kafka/client";
import { createClusterReader } from "@/server/lag/cluster-reader";
import { registerLagLive } from "@/server/lag/live";
import { registerLagRoutes } from "@/server/lag/routes";
import { createLagService, type LagService, startLagService } from "@/server/lag/service";
import { sharedLagTopic, startSharedLag } from "@/server/lag/shared-lag";

export const lagFeature: Feature<{ ownership: Ownership | null }, ServingFeature<LagService>> = {
  name: "lag",
  start({ config, logger, router, io }, { ownership }) {
    const log = logger.child({ component: "lag" });
    const reader = createClusterReader(config, log);
    const options = {
      intervalMs: config.lagIntervalMs,
      logger: log,
      isInternalGroup: (id: string) =>
        isInternalGroup(id, config.kafka.clientId) || id === ownership?.names.group,
    };
    let service: LagService;
    let stopSource: () => Promise<void>;
    if (ownership === null) {
      const own = startLagService({ ...options, read: reader.read });
      service = own;
      stopSource = own.stop;
    } else {
      const shared = createLagService(options);
      const kafka = createKafka(config.kafka, log, {
        clientId: `${config.kafka.clientId}-lag-shared`,
        level: logLevel.NOTHING,
      });
      const sharing = startSharedLag({
        kafka,
        topic: sharedLagTopic(config.clusterName),
        ownership,
        service: shared,
        read: reader.read,
        intervalMs: config.lagIntervalMs,
        groupPrefix: config.kafka.clientId,
        logger: log,
      });
      service = shared;
      stopSource = sharing.stop;
    }
    registerLagRoutes(router, service);
    const stopLive = registerLagLive(io, service);
    return {
      service,
      async stop() {
        stopLive();
        await stopSource();
        await reader.close();
      },
    };
  },
};
