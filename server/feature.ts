/**
 * A feature (health, flows, traces, lag, dead letters) plugs into the server through this one seam: it
 * gets the shared parts, registers its routes and socket handlers, and returns how to stop it. main.ts and
 * the integration tests start the same list, so tests exercise the real wiring.
 */
import type { Config } from "@/server/config";
import type { Router } from "@/server/http/router";
import type { BrokerMonitor } from "@/server/kafka/broker-monitor";
import type { LiveServer } from "@/server/live/socket-server";
import type { Logger } from "@/server/logger";

export interface ServerContext {
  config: Config;
  logger: Logger;
  router: Router;
  io: LiveServer;
  brokerMonitor: BrokerMonitor;
  version: string;
  startedAt: number;
  /** Shared services features publish for each other (e.g. the event index for traces); typed by each feature. */
  registry: Map<string, unknown>;
}

export interface RunningFeature {
  stop(): Promise<void>;
}

export interface Feature {
  name: string;
  start(ctx: ServerContext): Promise<RunningFeature> | RunningFeature;
}

/** Starts features in order; if one fails, stops the ones already started and rethrows. */
export async function startFeatures(
  features: readonly Feature[],
  ctx: ServerContext,
): Promise<RunningFeature> {
  const running: RunningFeature[] = [];
  try {
    for (const feature of features) {
      running.push(await feature.start(ctx));
      ctx.logger.debug({ feature: feature.name }, "feature started");
    }
  } catch (error) {
    for (const r of running.reverse()) await r.stop().catch(() => undefined);
    throw error;
  }
  return {
    async stop() {
      // Reverse order: later features may depend on earlier ones (traces on the index).
      for (const r of [...running].reverse()) {
        await r
          .stop()
          .catch((error: unknown) => ctx.logger.warn({ err: error }, "feature failed to stop cleanly"));
      }
    },
  };
}
