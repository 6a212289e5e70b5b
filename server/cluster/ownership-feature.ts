/**
 * The ownership lease of a deployment of several instances (ownership.ts), offered to the features whose
 * work must happen once per cluster. compose.ts starts it only when the instances share their backends.
 */
import { logLevel } from "kafkajs";
import { type Ownership, ownershipNames, startOwnership } from "@/server/cluster/ownership";
import type { Feature, ServingFeature } from "@/server/feature";
import { createKafka } from "@/server/kafka/client";

export const ownershipFeature: Feature<object, ServingFeature<Ownership>> = {
  name: "ownership",
  start({ config, logger }) {
    const log = logger.child({ component: "ownership" });
    // kafkajs logs every retry while a broker is down; the lease logs what it could not do itself.
    const kafka = createKafka(config.kafka, log, {
      clientId: `${config.kafka.clientId}-owner`,
      level: logLevel.NOTHING,
    });
    const ownership = startOwnership(kafka, ownershipNames(config.clusterName), log);
    return { service: ownership, stop: () => ownership.stop() };
  },
};
