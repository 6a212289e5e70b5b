/**
 * Socket events of alerts (merged into socket-contract.ts). Every browser shows the firing count in the
 * shell, so changes are pushed to all clients — they are rare (a state change, or a new measured value
 * of an active alert at most once per evaluation) — in the same shapes the REST routes return.
 */
import type { AlertRulesResponse, AlertsResponse } from "@/lib/alerts/api";

export interface AlertsServerEvents {
  /** Active and recently resolved alerts, after an evaluation changed them (`GET /api/alerts`). */
  "alerts:changed": (snapshot: AlertsResponse) => void;
  /** The rules, after an admin (on any instance) changed one (`GET /api/alerts/rules`). */
  "alerts:rules": (rules: AlertRulesResponse) => void;
}
