/**
 * One evaluation: every enabled rule against what was observed, each alert advanced through its state
 * machine. Pure: the caller passes the previous state and the time, and gets the next state and the
 * alerts that fired or resolved (what delivery notifies about).
 */
import type { Alert, AlertsResponse } from "@/lib/alerts/api";
import { candidatesFor } from "@/lib/alerts/conditions";
import { describeAlert } from "@/lib/alerts/describe";
import { type EvaluationMemory, emptyMemory, remember } from "@/lib/alerts/memory";
import type { Observations } from "@/lib/alerts/observations";
import type { AlertRule } from "@/lib/alerts/rules";
import { advance, type AlertFields } from "@/lib/alerts/state-machine";
import { type AlertTarget, alertKey, targetLabels, targetLink } from "@/lib/alerts/targets";

/** Resolved alerts stay listed this long (and at most RESOLVED_KEPT of them). */
export const RESOLVED_KEEP_MS = 60 * 60_000;
export const RESOLVED_KEPT = 100;

export interface EvaluationState {
  alerts: Map<string, Alert>;
  memory: EvaluationMemory;
  evaluatedAt: number | null;
}

export interface EvaluationResult {
  state: EvaluationState;
  fired: Alert[];
  resolved: Alert[];
  /** Anything a viewer would see changed (including pending alerts appearing or disappearing). */
  changed: boolean;
}

export function initialState(): EvaluationState {
  return { alerts: new Map(), memory: emptyMemory(), evaluatedAt: null };
}

function freshFields(rule: AlertRule, target: AlertTarget, value: number | null): AlertFields {
  return {
    key: alertKey(rule.id, target),
    ruleId: rule.id,
    kind: rule.kind,
    severity: rule.severity,
    target,
    value,
    threshold: rule.threshold,
    forSeconds: rule.forSeconds,
    summary: describeAlert(rule, target, value),
    labels: {
      alertname: rule.id,
      severity: rule.severity,
      kind: rule.kind,
      source: "eventscope",
      ...targetLabels(target),
    },
    link: targetLink(target),
  };
}

export function evaluate(
  previous: EvaluationState,
  rules: readonly AlertRule[],
  obs: Observations,
  now: number,
): EvaluationResult {
  const memory = remember(previous.memory, obs, now);
  const alerts = new Map(previous.alerts);
  const fired: Alert[] = [];
  const resolved: Alert[] = [];
  let changed = false;
  const seen = new Set<string>();

  const step = (key: string, active: boolean, fresh: AlertFields) => {
    seen.add(key);
    const before = alerts.get(key);
    const { alert, transition } = advance(before, active, fresh, now);
    if (alert) alerts.set(key, alert);
    else alerts.delete(key);
    if (transition === "fired" && alert) fired.push(alert);
    if (transition === "resolved" && alert) resolved.push(alert);
    if (transition !== null || (alert && before && alert.value !== before.value)) changed = true;
  };

  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const candidates = candidatesFor(rule, obs, memory, now);
    if (candidates === null) {
      // Source unavailable: keep this rule's alerts as they are.
      for (const [key, a] of alerts) if (a.ruleId === rule.id) seen.add(key);
      continue;
    }
    for (const c of candidates)
      step(alertKey(rule.id, c.target), c.active, freshFields(rule, c.target, c.value));
  }
  // Targets that disappeared, and rules that were disabled or removed: their condition no longer holds.
  for (const [key, a] of [...alerts]) {
    if (seen.has(key) || a.state === "resolved") continue;
    const rule = byId.get(a.ruleId);
    const { state: _s, since: _si, activeAt: _a, firedAt: _f, resolvedAt: _r, ...kept } = a;
    step(key, false, rule ? freshFields(rule, a.target, a.value) : kept);
  }
  changed = prune(alerts, now) || changed;
  return { state: { alerts, memory, evaluatedAt: now }, fired, resolved, changed };
}

function prune(alerts: Map<string, Alert>, now: number): boolean {
  const resolved = [...alerts.values()]
    .filter((a) => a.state === "resolved")
    .sort((a, b) => b.since - a.since);
  let removed = false;
  for (const [i, a] of resolved.entries()) {
    if (i >= RESOLVED_KEPT || now - a.since > RESOLVED_KEEP_MS) {
      alerts.delete(a.key);
      removed = true;
    }
  }
  return removed;
}

const stateOrder = { firing: 0, pending: 1, resolved: 2 } as const;

export function toResponse(state: EvaluationState): AlertsResponse {
  const all = [...state.alerts.values()];
  return {
    evaluatedAt: state.evaluatedAt,
    active: all
      .filter((a) => a.state !== "resolved")
      .sort((a, b) => stateOrder[a.state] - stateOrder[b.state] || a.since - b.since),
    resolved: all.filter((a) => a.state === "resolved").sort((a, b) => b.since - a.since),
  };
}
