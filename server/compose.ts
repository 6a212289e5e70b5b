/**
 * The composition root of the features: starts them in dependency order, hands each the services of the
 * ones before it as arguments, and stops them in reverse. main.ts runs every feature; integration tests
 * run the same function with the subset they need, so they exercise the real wiring.
 */
import { type AlertsFeature, type AlertsService, alertsFeature } from "@/server/alerts/alerts-feature";
import { type AuthService, authFeature } from "@/server/auth";
import type { Ownership } from "@/server/cluster/ownership";
import { ownershipFeature } from "@/server/cluster/ownership-feature";
import { collectorFeature, type Pipeline } from "@/server/collector/collector-feature";
import { type DlqFeature, type DlqService, dlqFeature } from "@/server/dlq";
import type { Feature, RunningFeature, ServerContext, ServingFeature } from "@/server/feature";
import { flowsFeature } from "@/server/flows/flows-feature";
import { healthFeature } from "@/server/http/health-routes";
import { openApiFeature } from "@/server/http/openapi-routes";
import { type LagService, lagFeature } from "@/server/lag";
import { metricsFeature } from "@/server/metrics/feature";
import { attachRedisAdapter } from "@/server/live/redis-adapter";
import { tracesFeature } from "@/server/traces/traces-feature";

/** Which features run; a missing one is not started and its service is null for the others. */
export interface FeatureSet {
  collector?: Feature<object, ServingFeature<Pipeline>>;
  /** Started only where instances share their backends (see `sharesWork`). */
  ownership?: Feature<object, ServingFeature<Ownership>>;
  lag?: Feature<{ ownership: Ownership | null }, ServingFeature<LagService>>;
  auth?: Feature<object, ServingFeature<AuthService>>;
  dlq?: DlqFeature;
  flows?: typeof flowsFeature;
  traces?: typeof tracesFeature;
  alerts?: AlertsFeature;
  health?: typeof healthFeature;
  openapi?: typeof openApiFeature;
  metrics?: typeof metricsFeature;
}

export const ALL_FEATURES: Required<FeatureSet> = {
  collector: collectorFeature,
  ownership: ownershipFeature,
  lag: lagFeature,
  auth: authFeature,
  dlq: dlqFeature,
  flows: flowsFeature,
  traces: tracesFeature,
  alerts: alertsFeature,
  health: healthFeature,
  openapi: openApiFeature,
  metrics: metricsFeature,
};

/** The services the running features offer one another (and tests and benchmarks read). */
export interface Services {
  pipeline: Pipeline | null;
  lag: LagService | null;
  auth: AuthService | null;
  dlq: DlqService | null;
  alerts: AlertsService | null;
}

export interface ComposedServer {
  services: Services;
  stop(): Promise<void>;
}

/**
 * Whether this instance is one of several sharing a cluster's work: with the PostgreSQL store or Redis
 * set, instances run side by side, so once-per-cluster work (lag polling, settling abandoned re-drive
 * tasks) goes to the owner of the deployment's lease. Neither set = one process, which does it all itself.
 */
export function sharesWork(config: ServerContext["config"]): boolean {
  return config.store.backend === "postgres" || config.redisUrl !== null;
}

function required<T>(service: T | null, what: string, by: string): T {
  if (service === null) throw new Error(`the ${by} feature needs the ${what} feature`);
  return service;
}

export async function composeServer(
  ctx: ServerContext,
  features: FeatureSet = ALL_FEATURES,
): Promise<ComposedServer> {
  const running: RunningFeature[] = [];
  const stop = async () => {
    // Reverse order: a feature stops before the services it was given.
    for (const r of [...running].reverse()) {
      await r
        .stop()
        .catch((error: unknown) => ctx.logger.warn({ err: error }, "feature failed to stop cleanly"));
    }
  };
  async function start<D, R extends RunningFeature>(feature: Feature<D, R>, deps: D): Promise<R> {
    const started = await feature.start(ctx, deps);
    running.push(started);
    ctx.logger.debug({ feature: feature.name }, "feature started");
    return started;
  }
  try {
    // Shared live updates first: the features' sockets and rooms then span every instance.
    const redisUrl = ctx.config.redisUrl;
    if (redisUrl !== null)
      running.push({ stop: await attachRedisAdapter(ctx.io, redisUrl, ctx.config.clusterName, ctx.logger) });
    // Each step takes only what the steps above it built.
    const pipeline = features.collector ? (await start(features.collector, {})).service : null;
    const ownership =
      features.ownership && sharesWork(ctx.config) ? (await start(features.ownership, {})).service : null;
    const lag = features.lag ? (await start(features.lag, { ownership })).service : null;
    const auth = features.auth ? (await start(features.auth, {})).service : null;
    const dlq = features.dlq
      ? (await start(features.dlq, { auth: required(auth, "auth", "dlq"), ownership })).service
      : null;
    if (features.flows)
      await start(features.flows, { pipeline: required(pipeline, "collector", "flows"), dlq, lag });
    if (features.traces)
      await start(features.traces, { pipeline: required(pipeline, "collector", "traces"), lag });
    const alerts = features.alerts
      ? (await start(features.alerts, { auth: required(auth, "auth", "alerts"), lag, dlq, pipeline })).service
      : null;
    if (features.health) await start(features.health, { pipeline });
    if (features.openapi) await start(features.openapi, {});
    if (features.metrics) await start(features.metrics, { lag, pipeline, dlq });
    return { services: { pipeline, lag, auth, dlq, alerts }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
