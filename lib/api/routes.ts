/** Every JSON route of the REST API, in README order: the OpenAPI document lists exactly these. */
import { alertRulesRoute, alertsRoute, saveAlertRuleRoute } from "@/lib/api/alerts";
import { sessionRoute, signInRoute, signOutRoute } from "@/lib/api/auth";
import type { AnyRouteContract } from "@/lib/api/contract";
import {
  auditRoute,
  cancelRedriveRoute,
  deadLetterRoute,
  deadLettersRoute,
  dlqTopicsRoute,
  redriveRoute,
  redrivesRoute,
  redriveTaskRoute,
  resumeRedriveRoute,
} from "@/lib/api/dlq-routes";
import { eventRoute, eventsRoute } from "@/lib/api/events";
import { flowEdgeRoute } from "@/lib/api/flow-latency";
import { flowsRoute, topicsRoute } from "@/lib/api/flows";
import { healthRoute } from "@/lib/api/health";
import { lagGroupRoute, lagGroupsRoute } from "@/lib/api/lag";
import { openApiRoute } from "@/lib/api/openapi";
import { traceRoute, tracesRoute } from "@/lib/api/traces";

export const API_ROUTES: readonly AnyRouteContract[] = [
  healthRoute,
  openApiRoute,
  topicsRoute,
  flowsRoute,
  flowEdgeRoute,
  eventsRoute,
  eventRoute,
  tracesRoute,
  traceRoute,
  lagGroupsRoute,
  lagGroupRoute,
  dlqTopicsRoute,
  deadLettersRoute,
  deadLetterRoute,
  redriveRoute,
  redrivesRoute,
  redriveTaskRoute,
  cancelRedriveRoute,
  resumeRedriveRoute,
  auditRoute,
  sessionRoute,
  signInRoute,
  signOutRoute,
  alertsRoute,
  alertRulesRoute,
  saveAlertRuleRoute,
];
