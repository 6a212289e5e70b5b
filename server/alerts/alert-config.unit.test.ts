import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@/server/config";

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return error instanceof ConfigError ? error.problems : [String(error)];
  }
};

describe("alert settings", () => {
  it("default to no receivers, JSON webhooks, a 5 s interval and links to the bind address", () => {
    expect(loadConfig({ EVENTSCOPE_PORT: "3001" }).alerts).toEqual({
      intervalMs: 5_000,
      alertmanagerUrl: null,
      webhooks: [],
      webhookFormat: "json",
      dashboardUrl: "http://127.0.0.1:3001",
    });
  });

  it("read Alertmanager, a comma-separated webhook list, the Slack format and the public URL", () => {
    const alerts = loadConfig({
      EVENTSCOPE_ALERTMANAGER_URL: "http://alertmanager.monitoring:9093",
      EVENTSCOPE_ALERT_WEBHOOKS: "https://hooks.slack.com/services/T0/B0/XYZ, http://10.0.0.7:8080/alerts",
      EVENTSCOPE_ALERT_WEBHOOK_FORMAT: "slack",
      EVENTSCOPE_ALERT_INTERVAL: "10s",
      EVENTSCOPE_ALERT_DASHBOARD_URL: "https://eventscope.example.com",
    }).alerts;
    expect(alerts).toEqual({
      intervalMs: 10_000,
      alertmanagerUrl: "http://alertmanager.monitoring:9093",
      webhooks: ["https://hooks.slack.com/services/T0/B0/XYZ", "http://10.0.0.7:8080/alerts"],
      webhookFormat: "slack",
      dashboardUrl: "https://eventscope.example.com",
    });
  });

  it("refuse bad values naming the variable, never echoing a webhook (it may hold a secret)", () => {
    const found = problems({
      EVENTSCOPE_ALERTMANAGER_URL: "alertmanager:9093",
      EVENTSCOPE_ALERT_WEBHOOKS: "https://ok.example/hook,ftp://secret-token@files.example",
      EVENTSCOPE_ALERT_WEBHOOK_FORMAT: "teams",
      EVENTSCOPE_ALERT_INTERVAL: "100ms",
    });
    expect(found.map((p) => p.split(":")[0]).sort()).toEqual([
      "EVENTSCOPE_ALERTMANAGER_URL",
      "EVENTSCOPE_ALERT_INTERVAL",
      "EVENTSCOPE_ALERT_WEBHOOKS",
      "EVENTSCOPE_ALERT_WEBHOOK_FORMAT",
    ]);
    expect(found.join("\n")).not.toContain("secret-token");
  });
});
