/** One line per alert a person on call understands without opening the dashboard. */
import type { AlertRule } from "@/lib/alerts/rules";
import type { AlertTarget } from "@/lib/alerts/targets";

const round = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function describeAlert(rule: AlertRule, target: AlertTarget, value: number | null): string {
  const v = value === null ? "?" : round(value);
  const t = round(rule.threshold);
  const held = rule.forSeconds > 0 ? ` for ${rule.forSeconds} s` : "";
  switch (rule.kind) {
    case "time-lag":
      return `consumer group ${target.name} is ${v} s behind (over ${t} s${held})`;
    case "group-status":
      return `consumer group ${target.name} is ERR: ${v} partition(s) stopped, stalled or rewound${held}`;
    case "dlq-pending":
      return `${target.name} holds ${v} dead letters not re-driven (over ${t})`;
    case "dlq-growing":
      return `${target.name} received ${v} dead letters in the last minute (over ${t})`;
    case "produce-stopped":
      return `topic ${target.name} had traffic and now receives none${held}`;
    case "collector-lag":
      return `Eventscope's collector is ${v} records behind (over ${t}${held})`;
    case "collector-time-lag":
      return value === null
        ? `Eventscope's collector is behind and not reading${held}`
        : `Eventscope's collector needs ${v} s to catch up (over ${t} s${held})`;
  }
}
