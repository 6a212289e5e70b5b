/** The alert routes; their shapes are in lib/alerts/api.ts (also pushed over the socket). */
import { z } from "zod";
import { defineRoute, schemaResponse } from "@/lib/api/contract";
import { alertRulesResponseSchema, alertsResponseSchema } from "@/lib/alerts/api";
import { alertRuleSchema, ruleBodySchema, ruleIdSchema } from "@/lib/alerts/rules";

export const alertsRoute = defineRoute({
  method: "GET",
  path: "/api/alerts",
  summary: "Active alerts (firing, then pending) and those resolved within the last hour",
  response: schemaResponse("The alerts", alertsResponseSchema),
});

export const alertRulesRoute = defineRoute({
  method: "GET",
  path: "/api/alerts/rules",
  summary: "The alert rules and where edits are stored",
  response: schemaResponse("The rules", alertRulesResponseSchema),
});

export const saveAlertRuleRoute = defineRoute({
  method: "PUT",
  path: "/api/alerts/rules/:id",
  summary: "Create or replace one alert rule",
  access: "admin",
  params: z.object({ id: ruleIdSchema }),
  body: ruleBodySchema,
  response: schemaResponse(
    "The saved rule and all rules",
    z.object({ rule: alertRuleSchema, rules: alertRulesResponseSchema }),
  ),
});
