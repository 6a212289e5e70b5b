/** Display texts of alerts: one place, so the page, the badge and the tests agree. */
import type { Alert } from "@/lib/alerts";
import { THRESHOLD_UNIT, type AlertKind } from "@/lib/alerts";

/** "12 s ago", "3 min ago", "2 h 05 min ago" — how long an alert has been in its state. */
export function formatAgo(since: number, now: number): string {
  const s = Math.max(0, Math.round((now - since) / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min ago`;
}

const WHAT: Record<Alert["state"], string> = {
  firing: "firing since",
  pending: "pending since",
  resolved: "resolved",
};

/** "firing since 19:04:05 (3 min ago)". */
export function formatSince(alert: Pick<Alert, "state" | "since">, now: number): string {
  const clock = new Date(alert.since).toLocaleTimeString("en-GB", { hour12: false });
  return `${WHAT[alert.state]} ${clock} (${formatAgo(alert.since, now)})`;
}

/** "> 30 s", "> 0 letters". */
export function formatCondition(kind: AlertKind, threshold: number): string {
  if (kind === "produce-stopped") return `had ≥ ${threshold} records/s, now 0`;
  return `> ${threshold} ${THRESHOLD_UNIT[kind]}`;
}

export const KIND_LABEL: Record<AlertKind, string> = {
  "time-lag": "Consumer time lag",
  "group-status": "Consumer status ERR (STOP/STALL/REWIND)",
  "dlq-pending": "Dead letters pending",
  "dlq-growing": "Dead letters arriving",
  "produce-stopped": "Topic stopped receiving",
  "collector-lag": "Collector behind (records)",
  "collector-time-lag": "Collector behind (seconds)",
};
