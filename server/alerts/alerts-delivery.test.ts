/**
 * The time-lag alert end to end, against the real broker and a real Alertmanager: a consumer group stops
 * consuming while a producer keeps writing → the alert fires at Alertmanager within its rule's window;
 * the group resumes → it resolves there. Webhook receivers get the firing and the resolved notification
 * exactly once each; one that fails at first is retried until it gets them; one that never answers
 * neither stops the evaluator, the lag poller or the collector's ingest, nor delays the other receivers.
 */
import type { Consumer } from "kafkajs";
import { afterEach, describe, expect, it } from "vitest";
import { type AlertRule, alertsResponseSchema, type WebhookBody } from "@/lib/alerts";
import { createAlertsFeature } from "@/server/alerts/alerts-feature";
import { TEST_ADMIN_TOKEN } from "@/server/alerts/testing/admin-client";
import { type RunningAlertmanager, startAlertmanager } from "@/server/alerts/testing/alertmanager";
import { startWebhookReceiver, type WebhookReceiver } from "@/server/alerts/testing/webhook-receiver";
import { authFeature } from "@/server/auth";
import { collectorFeature } from "@/server/collector/collector-feature";
import { lagFeature } from "@/server/lag";
import { type Load, startLoad } from "@/server/lag/testing/load";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName } from "@/server/test-support/kafka";

const RULE: AlertRule = {
  id: "consumer-time-lag",
  kind: "time-lag",
  threshold: 3,
  forSeconds: 3,
  enabled: true,
  severity: "critical",
};
/** Threshold + `for`, plus a lag poll (1 s) and an evaluation (0.5 s) on each side, plus slack for CI. */
const WINDOW_MS = (RULE.threshold + RULE.forSeconds) * 1000 + 2 * 1_500 + 6_000;

let cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
  cleanup = [];
});

function later<T extends { close?: () => Promise<unknown>; stop?: () => Promise<unknown> }>(thing: T): T {
  cleanup.push(() => (thing.close ?? thing.stop)?.call(thing) ?? Promise.resolve());
  return thing;
}

const forGroup = (receiver: WebhookReceiver, group: string) =>
  (receiver.delivered as WebhookBody[]).filter((b) => b.alert.target.name === group).map((b) => b.status);

describe("the time-lag alert of a consumer group that stops and resumes", () => {
  it("fires at Alertmanager and the webhooks within its window, resolves after resume, each notification once", async () => {
    const topic = uniqueName("alerts-orders");
    const group = uniqueName("alerts-consumer");
    await createTestTopics({ topic, numPartitions: 2 });
    const am: RunningAlertmanager = later(await startAlertmanager());
    const good = later(await startWebhookReceiver({ kind: "ok" }));
    const flaky = later(await startWebhookReceiver({ kind: "fail-first", failures: 3 }));
    const hanging = later(await startWebhookReceiver({ kind: "hang" }));
    const app: TestApp = later(
      await startTestApp(
        testConfig({
          KAFKA_CLIENT_ID: uniqueName("es-alerts"),
          EVENTSCOPE_LOOKBACK: "1m",
          EVENTSCOPE_LAG_INTERVAL: "1s",
          EVENTSCOPE_ALERT_INTERVAL: "500ms",
          EVENTSCOPE_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
          EVENTSCOPE_ALERTMANAGER_URL: am.url,
          EVENTSCOPE_ALERT_WEBHOOKS: [hanging.url, flaky.url, good.url].join(","),
        }),
        {
          collector: collectorFeature,
          lag: lagFeature,
          auth: authFeature,
          alerts: createAlertsFeature({
            rulesTopic: uniqueName("__eventscope_alert_rules-test"),
            defaults: [RULE],
            delivery: { timeoutMs: 1_000, baseDelayMs: 200, maxDelayMs: 1_000 },
          }),
        },
      ),
    );
    const { alerts, pipeline, lag } = app.services;
    if (!alerts || !pipeline || !lag) throw new Error("the alerts, collector and lag features must run");
    const { evaluator } = alerts;
    const { collector } = pipeline;
    let polls = 0;
    const countPolls = lag.onPoll(() => (polls += 1));
    cleanup.push(async () => countPolls());

    const kafka = testKafka();
    const load: Load = later(await startLoad(kafka, topic, 2, 50));
    const consumer: Consumer = kafka.consumer({
      groupId: group,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
    });
    cleanup.push(() => consumer.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async () => undefined });

    const ourAlert = async () => {
      const res = alertsResponseSchema.parse(await (await fetch(`${app.url}/api/alerts`)).json());
      return [...res.active, ...res.resolved].find((a) => a.target.name === group);
    };
    await eventually(
      async () => {
        const g = lag.groups().groups.find((x) => x.id === group);
        return g && g.maxTimeLagSeconds !== null && g.maxTimeLagSeconds < 1 ? g : undefined;
      },
      60_000,
      "the group to consume and be less than a second behind",
    );
    expect(await ourAlert()).toBeUndefined();

    consumer.pause([{ topic }]);
    const pausedAt = Date.now();
    const [fired] = await eventually(
      async () => {
        const held = await am.alerts({ alertname: RULE.id, group });
        return held.length > 0 ? held : undefined;
      },
      WINDOW_MS,
      "Alertmanager to hold the firing time-lag alert",
    );
    const firedAfterMs = Date.now() - pausedAt;
    expect(fired).toMatchObject({
      labels: { alertname: RULE.id, group, severity: "critical", kind: "time-lag", source: "eventscope" },
      status: { state: "active" },
      generatorURL: `http://127.0.0.1:3000/lag/${encodeURIComponent(group)}`,
    });
    expect(fired?.annotations.summary).toMatch(
      new RegExp(`^consumer group ${group} is [\\d.]+ s behind \\(over 3 s for 3 s\\)$`),
    );
    // Open-ended while it fires: Alertmanager must not resolve it on its own before the next re-send.
    expect(Date.parse(fired!.endsAt)).toBeGreaterThan(Date.now() + 60_000);
    const firing = await ourAlert();
    expect(firing).toMatchObject({ state: "firing", link: `/lag/${encodeURIComponent(group)}` });
    expect(firing!.since - firing!.activeAt).toBeGreaterThanOrEqual(RULE.forSeconds * 1000);
    await eventually(
      async () => (forGroup(good, group).length === 1 ? true : undefined),
      5_000,
      "the firing webhook",
    );

    // While the hanging receiver holds its request (1 s timeout, then retries), everything else goes on.
    const readBefore = collector.status().eventsRead;
    const ticksBefore = evaluator.ticks;
    const pollsBefore = polls;
    const hangingBefore = hanging.attempts();
    await new Promise((r) => setTimeout(r, 3_000));
    expect(evaluator.ticks - ticksBefore).toBeGreaterThanOrEqual(4);
    expect(polls - pollsBefore).toBeGreaterThanOrEqual(2);
    expect(hanging.attempts()).toBeGreaterThan(hangingBefore);
    // Ingest keeps pace with the producer (20 records/s): at least half of what it wrote in those 3 s.
    expect(collector.status().eventsRead - readBefore).toBeGreaterThanOrEqual(30);

    consumer.resume([{ topic }]);
    const resumedAt = Date.now();
    await eventually(
      async () => ((await am.alerts({ alertname: RULE.id, group })).length === 0 ? true : undefined),
      30_000,
      "Alertmanager to drop the resolved alert",
    );
    const resolvedAfterMs = Date.now() - resumedAt;
    expect(await ourAlert()).toMatchObject({ state: "resolved" });
    await eventually(
      async () =>
        forGroup(good, group).length === 2 && forGroup(flaky, group).length === 2 ? true : undefined,
      15_000,
      "the resolved webhook at both receivers",
    );
    // Give a duplicate time to show up, then: exactly one firing and one resolved, in that order.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(forGroup(good, group)).toEqual(["firing", "resolved"]);
    expect(forGroup(flaky, group)).toEqual(["firing", "resolved"]);
    expect(flaky.attempts()).toBeGreaterThanOrEqual(flaky.delivered.length + 3);
    expect(load.sent()).toBeGreaterThan(0);

    process.stdout.write(
      `[alerts] fired at Alertmanager ${firedAfterMs} ms after the pause (window ${WINDOW_MS} ms); ` +
        `resolved there ${resolvedAfterMs} ms after resume; hanging receiver tried ${hanging.attempts()} times\n`,
    );
  }, 120_000);
});
