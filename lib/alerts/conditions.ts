/**
 * Per rule, every target it applies to and whether its condition holds now. `null` means the rule's
 * source is unavailable this time: its alerts keep their state.
 */
import { dlqGrowth, type EvaluationMemory } from "@/lib/alerts/memory";
import type { Observations } from "@/lib/alerts/observations";
import type { AlertRule } from "@/lib/alerts/rules";
import type { AlertTarget } from "@/lib/alerts/targets";

export interface Candidate {
  target: AlertTarget;
  active: boolean;
  /** The measured figure (in the rule's unit); null when it cannot be expressed (e.g. "not reading"). */
  value: number | null;
}

const COLLECTOR: AlertTarget = { type: "collector", name: "collector" };

export function candidatesFor(
  rule: AlertRule,
  obs: Observations,
  memory: EvaluationMemory,
  now: number,
): Candidate[] | null {
  const above = (value: number | null) => value !== null && value > rule.threshold;
  switch (rule.kind) {
    case "time-lag":
      return (
        obs.groups?.map((g) => ({
          target: { type: "group", name: g.id },
          active: above(g.maxTimeLagSeconds),
          value: g.maxTimeLagSeconds,
        })) ?? null
      );
    case "group-status":
      return (
        obs.groups?.map((g) => ({
          target: { type: "group", name: g.id },
          active: g.status === "ERR" && above(g.errPartitions),
          value: g.errPartitions,
        })) ?? null
      );
    case "dlq-pending":
      return (
        obs.dlqTopics?.map((d) => ({
          target: { type: "dlq", name: d.topic },
          active: above(d.pending),
          value: d.pending,
        })) ?? null
      );
    case "dlq-growing":
      return (
        obs.dlqTopics?.map((d) => {
          const growth = dlqGrowth(memory.dlqSamples.get(d.topic) ?? [], now);
          return { target: { type: "dlq", name: d.topic }, active: growth > rule.threshold, value: growth };
        }) ?? null
      );
    case "produce-stopped":
      return produceStopped(rule, obs, memory);
    case "collector-lag":
      return obs.collector
        ? [{ target: COLLECTOR, active: above(obs.collector.lag), value: obs.collector.lag }]
        : null;
    case "collector-time-lag": {
      if (!obs.collector) return null;
      const { lag, perSec } = obs.collector;
      const seconds = lag === 0 ? 0 : perSec > 0 ? lag / perSec : null;
      return [{ target: COLLECTOR, active: seconds === null || above(seconds), value: seconds }];
    }
  }
}

/** Topics that once had at least `threshold` records/s and now have none; DLQ topics only fill on failure. */
function produceStopped(rule: AlertRule, obs: Observations, memory: EvaluationMemory): Candidate[] | null {
  if (!obs.topicRates) return null;
  const rates = new Map(obs.topicRates.map((r) => [r.topic, r.perSec]));
  const dlqs = new Set(obs.dlqTopics?.map((d) => d.topic) ?? []);
  const out: Candidate[] = [];
  for (const [topic, peak] of memory.peakRates) {
    if (dlqs.has(topic) || peak < Math.max(rule.threshold, Number.MIN_VALUE)) continue;
    const perSec = rates.get(topic) ?? 0;
    out.push({ target: { type: "topic", name: topic }, active: perSec === 0, value: perSec });
  }
  return out;
}
