/**
 * What Eventscope sends about an alert: Alertmanager's `POST /api/v2/alerts` items, a generic JSON webhook
 * body, and a Slack-compatible `{ text }` body. Pure: the dashboard's base URL and the time are passed in.
 */
import type { Alert } from "@/lib/alerts/api";

export type NotificationStatus = "firing" | "resolved";

/** Identifies one notification: an alert's episode (by when it fired) and whether it fired or resolved. */
export function notificationId(alert: Alert, status: NotificationStatus): string {
  return `${alert.key}@${alert.firedAt ?? alert.activeAt}:${status}`;
}

/** An item of Alertmanager's `postableAlerts` (API v2). */
export interface AlertmanagerAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
}

export function absoluteLink(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

/**
 * A firing alert is sent with an `endsAt` a few re-send intervals ahead, as Prometheus does: re-sent
 * while it fires, it stays open; if Eventscope stops sending, Alertmanager resolves it on its own. A
 * resolved alert is sent with `endsAt` = when it resolved.
 */
export function toAlertmanager(
  alert: Alert,
  baseUrl: string,
  now: number,
  resendMs: number,
): AlertmanagerAlert {
  const startsAt = alert.firedAt ?? alert.activeAt;
  const endsAt = alert.state === "resolved" ? (alert.resolvedAt ?? now) : now + 4 * resendMs;
  return {
    labels: alert.labels,
    annotations: {
      summary: alert.summary,
      ...(alert.value === null ? {} : { value: String(alert.value) }),
      threshold: String(alert.threshold),
      dashboard: absoluteLink(baseUrl, alert.link),
    },
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(endsAt).toISOString(),
    generatorURL: absoluteLink(baseUrl, alert.link),
  };
}

export interface WebhookBody {
  /** Bumped when the shape changes incompatibly. */
  version: "1";
  status: NotificationStatus;
  alert: Alert;
  url: string;
}

export function toWebhookJson(alert: Alert, status: NotificationStatus, baseUrl: string): WebhookBody {
  return { version: "1", status, alert, url: absoluteLink(baseUrl, alert.link) };
}

/** Slack's incoming webhooks (and Mattermost, Rocket.Chat, Discord's /slack endpoint) take `{ text }`. */
export function toSlackText(alert: Alert, status: NotificationStatus, baseUrl: string): { text: string } {
  const head = status === "firing" ? `[FIRING:${alert.severity}]` : "[RESOLVED]";
  return { text: `${head} ${alert.ruleId}: ${alert.summary} <${absoluteLink(baseUrl, alert.link)}|open>` };
}
