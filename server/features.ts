/** Every feature the dashboard runs, in start order. Add a feature here (one line) to wire it up. */
import type { Feature } from "@/server/feature";
import { alertsFeature } from "@/server/alerts/alerts-feature";
import { authFeature } from "@/server/auth";
import { dlqFeature } from "@/server/dlq";
import { collectorFeature } from "@/server/collector/collector-feature";
import { flowsFeature } from "@/server/flows/flows-feature";
import { healthFeature } from "@/server/http/health-routes";
import { openApiFeature } from "@/server/http/openapi-routes";
import { lagFeature } from "@/server/lag";
import { metricsFeature } from "@/server/metrics/feature";
import { tracesFeature } from "@/server/traces/traces-feature";

export const features: readonly Feature[] = [
  metricsFeature,
  healthFeature,
  openApiFeature,
  collectorFeature,
  flowsFeature,
  lagFeature,
  tracesFeature,
  authFeature,
  dlqFeature,
  alertsFeature,
];
