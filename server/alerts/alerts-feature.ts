/**
 * The alerts feature: rules (defaults + admin edits from the rules topic), the evaluator on its timer,
 * delivery to Alertmanager and webhooks, REST routes and socket pushes. Takes the services it reads
 * (lag, pipeline, dead letters; each may be absent) and auth; `createAlertsFeature` takes test settings.
 */
import { type AlertRule, DEFAULT_RULES, mergeRules } from "@/lib/alerts";
import type { AuthService } from "@/server/auth";
import type { Feature, ServingFeature } from "@/server/feature";
import { DEFAULT_DELIVERY, type DeliveryOptions } from "@/server/alerts/delivery/delivery-queue";
import { DEFAULT_RESEND_MS, Notifier } from "@/server/alerts/delivery/notifier";
import { AlertEvaluator } from "@/server/alerts/evaluator";
import { DEFAULT_RULES_TOPIC, RuleStore } from "@/server/alerts/rule-store";
import { registerAlertRoutes } from "@/server/alerts/routes";
import { type AlertSourceServices, sourcesFrom } from "@/server/alerts/sources";

/** What the alerts feature offers: its evaluator and the delivery behind it. */
export interface AlertsService {
  evaluator: AlertEvaluator;
  notifier: Notifier;
}

export type AlertsFeature = Feature<
  AlertSourceServices & { auth: AuthService },
  ServingFeature<AlertsService>
>;

export interface AlertsFeatureOptions {
  rulesTopic?: string;
  defaults?: readonly AlertRule[];
  delivery?: Partial<DeliveryOptions>;
  resendMs?: number;
}

export function createAlertsFeature(options: AlertsFeatureOptions = {}): AlertsFeature {
  return {
    name: "alerts",
    start(ctx, { auth, ...services }) {
      const log = ctx.logger.child({ component: "alerts" });
      const store = new RuleStore(ctx.config, options.rulesTopic ?? DEFAULT_RULES_TOPIC, log);
      const defaults = options.defaults ?? DEFAULT_RULES;
      const rules = () => mergeRules(defaults, store.rules());
      const notifier = new Notifier(
        ctx.config.alerts,
        { ...DEFAULT_DELIVERY, ...options.delivery },
        options.resendMs ?? DEFAULT_RESEND_MS,
        log,
      );
      const evaluator = new AlertEvaluator({
        intervalMs: ctx.config.alerts.intervalMs,
        sources: sourcesFrom(services),
        rules,
        notifier,
        log,
      });
      registerAlertRoutes(ctx.router, { evaluator, store, rules, auth });
      const offAlerts = evaluator.onChange((snapshot) => ctx.io.emit("alerts:changed", snapshot));
      const offRules = store.onChange(() =>
        ctx.io.emit("alerts:rules", { rules: rules(), loaded: store.loaded, topic: store.topic }),
      );
      store.start();
      evaluator.start();
      return {
        service: { evaluator, notifier },
        async stop() {
          offAlerts();
          offRules();
          evaluator.stop();
          notifier.stop();
          await store.stop();
        },
      };
    },
  };
}

export const alertsFeature: AlertsFeature = createAlertsFeature();
