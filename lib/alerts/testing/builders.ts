/** Observations for the alert tests, with the demo shop's names and figures. */
import type { GroupObservation, Observations } from "@/lib/alerts/observations";
import type { AlertRule } from "@/lib/alerts/rules";

export const T0 = Date.parse("2026-12-04T19:00:00Z");

export function observations(overrides: Partial<Observations> = {}): Observations {
  return { groups: [], dlqTopics: [], topicRates: [], collector: { lag: 0, perSec: 40 }, ...overrides };
}

export function group(id: string, overrides: Partial<GroupObservation> = {}): GroupObservation {
  return { id, maxTimeLagSeconds: 0.4, status: "OK", errPartitions: 0, ...overrides };
}

export function rule(overrides: Partial<AlertRule> & Pick<AlertRule, "kind">): AlertRule {
  return {
    id: overrides.kind,
    threshold: 0,
    forSeconds: 0,
    enabled: true,
    severity: "warning",
    ...overrides,
  };
}
