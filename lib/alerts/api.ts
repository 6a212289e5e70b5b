/**
 * `GET /api/alerts`, `GET /api/alerts/rules` and `PUT /api/alerts/rules/:id` shapes, also pushed over the
 * socket (`alerts:changed`, `alerts:rules`) so the query cache holds one shape per key. Times are ms since
 * epoch.
 */
import { z } from "zod";
import { alertKindSchema, alertRuleSchema, severitySchema } from "@/lib/alerts/rules";

export const alertStateSchema = z.enum(["pending", "firing", "resolved"]);

export const alertTargetSchema = z.object({
  type: z.enum(["group", "topic", "dlq", "collector"]),
  name: z.string(),
});

export const alertSchema = z.object({
  /** One per rule and target. */
  key: z.string(),
  ruleId: z.string(),
  kind: alertKindSchema,
  severity: severitySchema,
  target: alertTargetSchema,
  state: alertStateSchema,
  /** When it entered its current state. */
  since: z.number(),
  /** When the condition started to hold in this episode. */
  activeAt: z.number(),
  firedAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  /** The last measured figure in the rule's unit; null when it has none (e.g. "not reading"). */
  value: z.number().nullable(),
  threshold: z.number(),
  forSeconds: z.number(),
  summary: z.string(),
  labels: z.record(z.string(), z.string()),
  /** Dashboard path of the group, topic or DLQ page. */
  link: z.string(),
});

export const alertsResponseSchema = z.object({
  /** When rules were last evaluated; null before the first evaluation. */
  evaluatedAt: z.number().nullable(),
  /** Firing first, then pending; oldest first within each. */
  active: z.array(alertSchema),
  /** Resolved within the last hour, newest first. */
  resolved: z.array(alertSchema),
});

export const alertRulesResponseSchema = z.object({
  rules: z.array(alertRuleSchema),
  /** False while the rules topic has not been read yet (edits are refused meanwhile). */
  loaded: z.boolean(),
  /** Where edits are kept. */
  topic: z.string(),
});

export type AlertState = z.infer<typeof alertStateSchema>;
export type Alert = z.infer<typeof alertSchema>;
export type AlertsResponse = z.infer<typeof alertsResponseSchema>;
export type AlertRulesResponse = z.infer<typeof alertRulesResponseSchema>;
