/**
 * Sends what the evaluator decided to every configured receiver: Alertmanager (`POST /api/v2/alerts`)
 * and generic webhooks (JSON, or Slack's `{ text }`). Each receiver has its own queue, so one that is
 * slow or down delays nobody else. Alertmanager also gets every firing alert again each `resendMs`, as
 * Prometheus does: it expects to hear about an open alert until its `endsAt`.
 */
import {
  type Alert,
  type NotificationStatus,
  notificationId,
  toAlertmanager,
  toSlackText,
  toWebhookJson,
} from "@/lib/alerts";
import type { Config } from "@/server/config";
import type { Logger } from "@/server/logger";
import {
  type DeliveryOptions,
  DeliveryQueue,
  type DeliveryStats,
} from "@/server/alerts/delivery/delivery-queue";
import { postJson, safeTarget } from "@/server/alerts/delivery/post-json";

export const DEFAULT_RESEND_MS = 60_000;

interface WebhookItem {
  alert: Alert;
  status: NotificationStatus;
}

export interface ReceiverStats extends DeliveryStats {
  target: string;
}

export class Notifier {
  private readonly alertmanager: DeliveryQueue<Alert[]> | null;
  private readonly webhooks: DeliveryQueue<WebhookItem>[];
  /** Starts now: what fires in the first interval was just sent as a notification. */
  private lastRefreshAt = Date.now();

  constructor(
    settings: Config["alerts"],
    delivery: DeliveryOptions,
    private readonly resendMs: number,
    log: Logger,
  ) {
    const base = settings.dashboardUrl;
    const amUrl = settings.alertmanagerUrl;
    this.alertmanager = amUrl
      ? new DeliveryQueue<Alert[]>(
          safeTarget(amUrl),
          (alerts, timeoutMs) =>
            postJson(
              `${amUrl.replace(/\/+$/, "")}/api/v2/alerts`,
              alerts.map((a) => toAlertmanager(a, base, Date.now(), resendMs)),
              timeoutMs,
            ),
          delivery,
          log,
        )
      : null;
    this.webhooks = settings.webhooks.map(
      (url) =>
        new DeliveryQueue<WebhookItem>(
          safeTarget(url),
          ({ alert, status }, timeoutMs) =>
            postJson(
              url,
              settings.webhookFormat === "slack"
                ? toSlackText(alert, status, base)
                : toWebhookJson(alert, status, base),
              timeoutMs,
            ),
          delivery,
          log,
        ),
    );
  }

  /** Queues one notification per alert that fired or resolved; returns at once. */
  notify(fired: readonly Alert[], resolved: readonly Alert[]): void {
    const all: [Alert, NotificationStatus][] = [
      ...fired.map((a): [Alert, NotificationStatus] => [a, "firing"]),
      ...resolved.map((a): [Alert, NotificationStatus] => [a, "resolved"]),
    ];
    for (const [alert, status] of all) {
      const id = notificationId(alert, status);
      this.alertmanager?.enqueue(id, [alert]);
      for (const hook of this.webhooks) hook.enqueue(id, { alert, status });
    }
  }

  /** Re-sends the firing alerts to Alertmanager when a re-send interval has passed. */
  refresh(firing: readonly Alert[], now: number): void {
    if (!this.alertmanager || firing.length === 0 || now - this.lastRefreshAt < this.resendMs) return;
    this.lastRefreshAt = now;
    this.alertmanager.enqueue("refresh", [...firing], true);
  }

  stats(): ReceiverStats[] {
    return [...(this.alertmanager ? [this.alertmanager] : []), ...this.webhooks].map((q) => ({
      target: q.target,
      ...q.snapshot(),
    }));
  }

  stop(): void {
    this.alertmanager?.stop();
    for (const hook of this.webhooks) hook.stop();
  }
}
