/**
 * Alert rules: what is watched, above which threshold, for how long, and how loud. The same schema
 * validates the `PUT /api/alerts/rules/:id` body, the records read back from the rules topic, and the
 * rules table in the browser.
 */
import { z } from "zod";

/**
 * What a rule watches, and what its `threshold` means:
 * - `time-lag` (per consumer group): seconds behind, above `threshold`.
 * - `group-status` (per group): partitions Burrow calls STOP, STALL or REWIND (the group shows ERR), above
 *   `threshold` (0: any).
 * - `dlq-pending` (per DLQ topic): letters not yet re-driven, above `threshold`.
 * - `dlq-growing` (per DLQ topic): letters that arrived within the last minute, above `threshold`.
 * - `produce-stopped` (per topic): a topic that had at least `threshold` records/s now has none.
 * - `collector-lag`: records the collector is behind the end of the log, above `threshold`.
 * - `collector-time-lag`: seconds the collector needs to catch up at its current read rate, above
 *   `threshold` (behind and not reading at all counts as above any threshold).
 */
export const ALERT_KINDS = [
  "time-lag",
  "group-status",
  "dlq-pending",
  "dlq-growing",
  "produce-stopped",
  "collector-lag",
  "collector-time-lag",
] as const;

export const alertKindSchema = z.enum(ALERT_KINDS);
export const severitySchema = z.enum(["critical", "warning", "info"]);

export const ruleIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    "1–63 lowercase letters, digits or dashes, starting with a letter or digit",
  );

/** What an admin sends to create or replace a rule (the id is in the path). */
export const ruleBodySchema = z.strictObject({
  kind: alertKindSchema,
  threshold: z.number().finite().nonnegative(),
  /** How long the condition must hold before the alert fires; 0 fires at the first evaluation. */
  forSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400),
  enabled: z.boolean(),
  severity: severitySchema,
});

export const alertRuleSchema = ruleBodySchema.extend({ id: ruleIdSchema });

export type AlertKind = z.infer<typeof alertKindSchema>;
export type Severity = z.infer<typeof severitySchema>;
export type AlertRuleBody = z.infer<typeof ruleBodySchema>;
export type AlertRule = z.infer<typeof alertRuleSchema>;

/** The unit of each kind's threshold, for labels and messages. */
export const THRESHOLD_UNIT: Record<AlertKind, string> = {
  "time-lag": "s",
  "group-status": "partitions",
  "dlq-pending": "letters",
  "dlq-growing": "letters/min",
  "produce-stopped": "records/s",
  "collector-lag": "records",
  "collector-time-lag": "s",
};

/** Stored rules replace the defaults with the same id; stored rules with new ids are added. */
export function mergeRules(
  defaults: readonly AlertRule[],
  stored: ReadonlyMap<string, AlertRule>,
): AlertRule[] {
  const merged = new Map(defaults.map((r) => [r.id, r]));
  for (const [id, rule] of stored) merged.set(id, rule);
  return [...merged.values()];
}
