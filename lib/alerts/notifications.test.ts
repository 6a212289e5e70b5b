import { describe, expect, it } from "vitest";
import { evaluate, initialState, toResponse } from "@/lib/alerts/evaluate";
import { notificationId, toAlertmanager, toSlackText, toWebhookJson } from "@/lib/alerts/notifications";
import { group, observations, rule, T0 } from "@/lib/alerts/testing/builders";

const BASE = "http://127.0.0.1:3000/";
const timeLag = rule({ id: "consumer-time-lag", kind: "time-lag", threshold: 30, severity: "critical" });

function alertAt(seconds: number, lag: number) {
  const first = evaluate(
    initialState(),
    [timeLag],
    observations({ groups: [group("inventory-service", { maxTimeLagSeconds: 45 })] }),
    T0,
  );
  if (seconds === 0) return toResponse(first.state).active[0]!;
  const next = evaluate(
    first.state,
    [timeLag],
    observations({ groups: [group("inventory-service", { maxTimeLagSeconds: lag })] }),
    T0 + seconds * 1000,
  );
  return toResponse(next.state).resolved[0] ?? toResponse(next.state).active[0]!;
}

describe("Alertmanager items", () => {
  it("a firing alert ends four re-send intervals ahead, links to the group page", () => {
    expect(toAlertmanager(alertAt(0, 45), BASE, T0, 60_000)).toEqual({
      labels: {
        alertname: "consumer-time-lag",
        severity: "critical",
        kind: "time-lag",
        source: "eventscope",
        group: "inventory-service",
      },
      annotations: {
        summary: "consumer group inventory-service is 45 s behind (over 30 s)",
        value: "45",
        threshold: "30",
        dashboard: "http://127.0.0.1:3000/lag/inventory-service",
      },
      startsAt: "2026-12-04T19:00:00.000Z",
      endsAt: "2026-12-04T19:04:00.000Z",
      generatorURL: "http://127.0.0.1:3000/lag/inventory-service",
    });
  });

  it("a resolved alert ends when it resolved", () => {
    const resolved = alertAt(20, 1);
    expect(resolved.state).toBe("resolved");
    expect(toAlertmanager(resolved, BASE, T0 + 99_000, 60_000).endsAt).toBe("2026-12-04T19:00:20.000Z");
  });
});

describe("webhooks", () => {
  it("JSON carries the alert and an absolute link; Slack gets one line of text", () => {
    const firing = alertAt(0, 45);
    expect(toWebhookJson(firing, "firing", BASE)).toMatchObject({
      version: "1",
      status: "firing",
      url: "http://127.0.0.1:3000/lag/inventory-service",
      alert: { key: "consumer-time-lag|group:inventory-service", state: "firing" },
    });
    expect(toSlackText(firing, "firing", BASE)).toEqual({
      text:
        "[FIRING:critical] consumer-time-lag: consumer group inventory-service is 45 s behind (over 30 s) " +
        "<http://127.0.0.1:3000/lag/inventory-service|open>",
    });
    expect(toSlackText(alertAt(20, 1), "resolved", BASE).text).toMatch(/^\[RESOLVED\] consumer-time-lag: /);
  });

  it("a firing and a resolved notification of one episode have different ids; a new episode too", () => {
    const firing = alertAt(0, 45);
    const resolved = alertAt(20, 1);
    expect(notificationId(firing, "firing")).toBe(`consumer-time-lag|group:inventory-service@${T0}:firing`);
    expect(notificationId(resolved, "resolved")).toBe(
      `consumer-time-lag|group:inventory-service@${T0}:resolved`,
    );
  });
});
