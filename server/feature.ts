/**
 * A feature (health, flows, traces, lag, dead letters) plugs into the server through this one seam: it
 * gets the shared parts and the services it depends on as arguments, registers its routes and socket
 * handlers, and returns how to stop it — and, when other features build on it, the service it offers.
 * server/compose.ts starts them in dependency order for main.ts and the integration tests alike.
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
}

export interface RunningFeature {
  stop(): Promise<void>;
}

/** A running feature whose service the features started after it take as an argument. */
export interface ServingFeature<Service> extends RunningFeature {
  service: Service;
}

export interface Feature<Deps = object, Running extends RunningFeature = RunningFeature> {
  name: string;
  start(ctx: ServerContext, deps: Deps): Promise<Running> | Running;
}
