/**
 * `GET /api/alerts` (active and recently resolved), `GET /api/alerts/rules`, and `PUT /api/alerts/rules/:id`
 * (admin session + same Origin) which creates or replaces a rule and stores it in the rules topic.
 */
import { type AlertRule, type AlertRulesResponse } from "@/lib/alerts";
import { alertRulesRoute, alertsRoute, saveAlertRuleRoute } from "@/lib/api/alerts";
import { AppError } from "@/lib/errors";
import type { AuthService } from "@/server/auth";
import type { Router } from "@/server/http/router";
import type { AlertEvaluator } from "@/server/alerts/evaluator";
import type { RuleStore } from "@/server/alerts/rule-store";

/** Rules are evaluated against every group and topic each interval; a few dozen is plenty. */
export const MAX_RULES = 100;

export function registerAlertRoutes(
  router: Router,
  deps: { evaluator: AlertEvaluator; store: RuleStore; rules: () => AlertRule[]; auth: AuthService },
): void {
  const rulesResponse = (): AlertRulesResponse => ({
    rules: deps.rules(),
    loaded: deps.store.loaded,
    topic: deps.store.topic,
  });
  router.route(alertsRoute, () => deps.evaluator.snapshot());
  router.route(alertRulesRoute, rulesResponse);
  router.route(saveAlertRuleRoute, async ({ req, params, body }) => {
    await deps.auth.requireAdmin(req);
    const rule: AlertRule = { id: params.id, ...(await body()) };
    const current = deps.rules();
    if (!current.some((r) => r.id === rule.id) && current.length >= MAX_RULES)
      throw new AppError("conflict", `there are already ${MAX_RULES} rules; change an existing one instead`);
    await deps.store.save(rule);
    deps.evaluator.evaluateNow();
    return { rule, rules: rulesResponse() };
  });
}
