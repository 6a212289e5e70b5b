import { afterEach, describe, expect, it } from "vitest";
import type { SessionResponse } from "@/lib/api/dlq";
import { authFeature } from "@/server/auth";
import { createDlqFeature } from "@/server/dlq";
import { ADMIN_TOKEN, client, signedIn, uniqueInternalTopics } from "@/server/dlq/testing/support";
import { startTestApp, type TestApp } from "@/server/test-support/app";
import { TEST_REDIS_URL } from "@/server/test-support/cluster";
import { testConfig } from "@/server/test-support/config";
import { uniqueName } from "@/server/test-support/kafka";
import { createTestDatabase } from "@/server/test-support/postgres";

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done().catch(() => undefined);
});

/** Two instances of one deployment (same settings), each on its own port, as behind a load balancer. */
async function twoInstances(env: Record<string, string>): Promise<[TestApp, TestApp]> {
  const config = testConfig({
    EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN,
    EVENTSCOPE_CLUSTER_NAME: uniqueName("es-sessions"),
    ...env,
  });
  const apps: TestApp[] = [];
  for (let i = 0; i < 2; i++) {
    const app = await startTestApp(config, {
      auth: authFeature,
      dlq: createDlqFeature(uniqueInternalTopics()),
    });
    cleanup.push(() => app.close());
    apps.push(app);
  }
  return apps as [TestApp, TestApp];
}

const backends: [string, () => Promise<Record<string, string>>][] = [
  ["Redis (EVENTSCOPE_REDIS_URL)", async () => ({ EVENTSCOPE_REDIS_URL: TEST_REDIS_URL })],
  [
    "PostgreSQL (EVENTSCOPE_STORE)",
    async () => {
      const db = await createTestDatabase("es_sessions");
      cleanup.push(() => db.drop());
      return { EVENTSCOPE_STORE: db.url };
    },
  ],
];

describe.each(backends)("an admin session in a deployment sharing %s", (_, backend) => {
  it("signed in on one instance works on the other, and signing out on the other ends it on both", async () => {
    const [a, b] = await twoInstances(await backend());
    const onA = await signedIn(a.url);
    const onB = client(b.url);
    onB.cookie = onA.cookie;

    const session = await onB.get<SessionResponse>("/api/auth/session");
    expect(session.body).toMatchObject({ signedIn: true, user: "tester" });
    // A mutation on B: refused without a session, let through with A's cookie (to a task that is unknown).
    expect((await client(b.url).post("/api/redrives/no-such-task/cancel")).status).toBe(401);
    expect((await onB.post("/api/redrives/no-such-task/cancel")).status).toBe(404);

    expect((await onB.post("/api/auth/sign-out")).status).toBe(200);
    expect((await onA.get<SessionResponse>("/api/auth/session")).body.signedIn).toBe(false);
  });
});
