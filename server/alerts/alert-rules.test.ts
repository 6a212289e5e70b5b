/**
 * Rules an admin edits survive a restart: they are written to a compacted topic and read back on start.
 * Editing needs a session and the dashboard's own Origin; a bad rule is refused with the reason.
 */
import { ConfigResourceTypes } from "kafkajs";
import { afterEach, describe, expect, it } from "vitest";
import { alertRulesResponseSchema, DEFAULT_RULES } from "@/lib/alerts";
import { createAlertsFeature } from "@/server/alerts/alerts-feature";
import { signIn, TEST_ADMIN_TOKEN } from "@/server/alerts/testing/admin-client";
import { authFeature } from "@/server/auth";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { uniqueName, withAdmin } from "@/server/test-support/kafka";

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function start(rulesTopic: string): Promise<TestApp> {
  const started = await startTestApp(testConfig({ EVENTSCOPE_ADMIN_TOKEN: TEST_ADMIN_TOKEN }), {
    auth: authFeature,
    alerts: createAlertsFeature({ rulesTopic }),
  });
  await eventually(
    async () =>
      alertRulesResponseSchema.parse(await (await fetch(`${started.url}/api/alerts/rules`)).json()).loaded
        ? true
        : undefined,
    30_000,
    "the rules topic to be read",
  );
  return started;
}

const rulesOf = async (url: string) =>
  alertRulesResponseSchema.parse(await (await fetch(`${url}/api/alerts/rules`)).json()).rules;

describe("alert rules", () => {
  it("an admin's edit is kept in a compacted topic and read back after a restart", async () => {
    const topic = uniqueName("__eventscope_alert_rules-test");
    app = await start(topic);
    expect(await rulesOf(app.url)).toEqual(DEFAULT_RULES);

    const admin = await signIn(app.url);
    const edit = { kind: "time-lag", threshold: 5, forSeconds: 10, enabled: true, severity: "critical" };
    const saved = await admin.request("PUT", "/api/alerts/rules/consumer-time-lag", edit);
    expect(saved.status).toBe(200);
    const added = await admin.request("PUT", "/api/alerts/rules/payments-dlq", {
      kind: "dlq-pending",
      threshold: 0,
      forSeconds: 0,
      enabled: false,
      severity: "info",
    });
    expect(added.status).toBe(200);

    const [config] = (
      await withAdmin((a) =>
        a.describeConfigs({
          resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
          includeSynonyms: false,
        }),
      )
    ).resources;
    expect(config?.configEntries.find((e) => e.configName === "cleanup.policy")?.configValue).toBe("compact");

    await app.close();
    app = await start(topic);
    const rules = await rulesOf(app.url);
    expect(rules.find((r) => r.id === "consumer-time-lag")).toEqual({ id: "consumer-time-lag", ...edit });
    expect(rules.find((r) => r.id === "payments-dlq")).toMatchObject({ kind: "dlq-pending", enabled: false });
    expect(rules).toHaveLength(DEFAULT_RULES.length + 1);
  });

  it("refuses edits without a session (401), from another origin (403), and bad rules (400)", async () => {
    app = await start(uniqueName("__eventscope_alert_rules-test"));
    const url = `${app.url}/api/alerts/rules/consumer-time-lag`;
    const body = JSON.stringify({
      kind: "time-lag",
      threshold: 5,
      forSeconds: 10,
      enabled: true,
      severity: "critical",
    });
    const put = (headers: Record<string, string>, payload = body) =>
      fetch(url, {
        method: "PUT",
        headers: { "content-type": "application/json", ...headers },
        body: payload,
      });

    expect((await put({ origin: app.url })).status).toBe(401);
    expect((await put({ origin: "http://evil.example" })).status).toBe(403);

    const admin = await signIn(app.url);
    const negative = await admin.request("PUT", "/api/alerts/rules/consumer-time-lag", {
      kind: "time-lag",
      threshold: -1,
      forSeconds: 10,
      enabled: true,
      severity: "critical",
    });
    expect(negative.status).toBe(400);
    expect(JSON.stringify(negative.body)).toContain("threshold");
    const unknownKind = await admin.request("PUT", "/api/alerts/rules/x", {
      kind: "cpu",
      threshold: 1,
      forSeconds: 0,
      enabled: true,
      severity: "info",
    });
    expect(unknownKind.status).toBe(400);
    const badId = await admin.request("PUT", "/api/alerts/rules/Bad%20Id!", {
      kind: "time-lag",
      threshold: 1,
      forSeconds: 0,
      enabled: true,
      severity: "info",
    });
    expect(badId.status).toBe(400);
    expect(await rulesOf(app.url)).toEqual(DEFAULT_RULES);
  });
});
