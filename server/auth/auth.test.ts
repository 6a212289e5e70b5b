import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { SessionResponse } from "@/lib/api/dlq";
import type { ApiErrorBody } from "@/lib/errors";
import { authFeature } from "@/server/auth";
import { ADMIN_TOKEN, client, startDlqApp, uniqueInternalTopics } from "@/server/dlq/testing/support";
import { startTestApp, type TestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const withToken = () => testConfig({ EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN });

/**
 * Starts a sign-in whose headers arrive now and whose body arrives when `send` is called, as a guesser
 * holding many requests open would; resolves with the status.
 */
function slowSignIn(baseUrl: string, token: string): { send(): void; status: Promise<number> } {
  const { hostname, port } = new URL(baseUrl);
  const body = JSON.stringify({ token });
  const req = http.request({
    host: hostname,
    port,
    path: "/api/auth/sign-in",
    method: "POST",
    headers: { origin: baseUrl, "content-type": "application/json", "content-length": body.length },
  });
  const status = new Promise<number>((resolve, reject) => {
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
  });
  req.flushHeaders();
  return { send: () => req.end(body), status };
}

describe("sign-in", () => {
  it("exchanges the admin token for an httpOnly, SameSite=Strict session cookie", async () => {
    app = await startTestApp(withToken(), { auth: authFeature });
    const res = await fetch(`${app.url}/api/auth/sign-in`, {
      method: "POST",
      headers: { origin: app.url, "content-type": "application/json" },
      body: JSON.stringify({ token: ADMIN_TOKEN, name: "alice" }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^eventscope_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toContain(ADMIN_TOKEN);
    const session = (await fetch(`${app.url}/api/auth/session`, {
      headers: { cookie: cookie.split(";")[0] ?? "" },
    }).then((r) => r.json())) as SessionResponse;
    expect(session).toMatchObject({ authEnabled: true, signedIn: true, user: "alice" });
  });

  it("refuses a wrong token with 401 and reads as signed out without a cookie", async () => {
    app = await startTestApp(withToken(), { auth: authFeature });
    const c = client(app.url);
    const res = await c.post<ApiErrorBody>("/api/auth/sign-in", { token: "not-the-token-at-all" });
    expect(res.status).toBe(401);
    expect(c.cookie).toBeNull();
    expect((await c.get<SessionResponse>("/api/auth/session")).body).toMatchObject({ signedIn: false });
  });

  it("signs out: the old cookie no longer works", async () => {
    app = await startTestApp(withToken(), { auth: authFeature });
    const c = client(app.url);
    await c.post("/api/auth/sign-in", { token: ADMIN_TOKEN });
    const old = c.cookie;
    expect((await c.post<SessionResponse>("/api/auth/sign-out")).body.signedIn).toBe(false);
    c.cookie = old;
    expect((await c.get<SessionResponse>("/api/auth/session")).body.signedIn).toBe(false);
  });

  it("is disabled without EVENTSCOPE_ADMIN_TOKEN", async () => {
    app = await startTestApp(testConfig(), { auth: authFeature });
    const c = client(app.url);
    expect((await c.get<SessionResponse>("/api/auth/session")).body.authEnabled).toBe(false);
    expect((await c.post("/api/auth/sign-in", { token: "anything-goes-here" })).status).toBe(503);
  });

  it("refuses a sign-in from another origin (login CSRF)", async () => {
    app = await startTestApp(withToken(), { auth: authFeature });
    const c = client(app.url);
    c.origin = "http://evil.example";
    expect((await c.post("/api/auth/sign-in", { token: ADMIN_TOKEN })).status).toBe(403);
  });
});

describe("sign-in throttle", () => {
  it("counts guesses as they arrive: of 25 concurrent wrong tokens only 10 are even checked", async () => {
    app = await startTestApp(withToken(), { auth: authFeature });
    const url = app.url;
    const guesses = Array.from({ length: 25 }, (_, i) => slowSignIn(url, `wrong-guess-number-${i}`));
    await new Promise((r) => setTimeout(r, 300));
    for (const g of guesses) g.send();
    const statuses = await Promise.all(guesses.map((g) => g.status));
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    // The right token is refused too while the client is over its limit.
    expect((await client(url).post("/api/auth/sign-in", { token: ADMIN_TOKEN })).status).toBe(429);
  });
});

describe("one-time sign-in code", () => {
  const code = "one-time-code-0123456789abcdef";

  it("signs in once; the same link then fails with a clear message", async () => {
    app = await startTestApp(
      testConfig({ EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN, EVENTSCOPE_SIGN_IN_CODE: code }),
      { auth: authFeature },
    );
    const first = client(app.url);
    expect((await first.post<SessionResponse>("/api/auth/sign-in", { code })).body.signedIn).toBe(true);
    const again = client(app.url);
    const second = await again.post<ApiErrorBody>("/api/auth/sign-in", { code });
    expect(second.status).toBe(401);
    expect(second.body.error.message).toMatch(/already used/);
    expect(again.cookie).toBeNull();
    // The admin token itself still works.
    expect((await again.post("/api/auth/sign-in", { token: ADMIN_TOKEN })).status).toBe(200);
  });

  it("refuses a body with both or neither of token and code", async () => {
    app = await startTestApp(withToken(), { auth: authFeature });
    const c = client(app.url);
    expect((await c.post("/api/auth/sign-in", { token: ADMIN_TOKEN, code })).status).toBe(400);
    expect((await c.post("/api/auth/sign-in", { name: "alice" })).status).toBe(400);
    expect((await c.post("/api/auth/sign-in", { code })).status).toBe(401);
  });
});

describe("mutating requests", () => {
  const redrive = { filter: {}, dryRun: true };

  it("answer 401 without a session", async () => {
    app = await startDlqApp(withToken(), uniqueInternalTopics());
    const res = await client(app.url).post<ApiErrorBody>("/api/dlq/orders.DLQ/redrive", redrive);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized");
    const cancel = await client(app.url).post<ApiErrorBody>("/api/redrives/some-task/cancel");
    expect(cancel.status).toBe(401);
  });

  it("answer 403 when Origin is another site, even with a valid session", async () => {
    app = await startDlqApp(withToken(), uniqueInternalTopics());
    const c = client(app.url);
    await c.post("/api/auth/sign-in", { token: ADMIN_TOKEN });
    c.origin = "http://evil.example";
    const res = await c.post<ApiErrorBody>("/api/dlq/orders.DLQ/redrive", redrive);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/evil\.example/);
  });

  it("answer 403 with neither Origin nor Referer, and accept a same-origin Referer", async () => {
    app = await startDlqApp(withToken(), uniqueInternalTopics());
    const c = client(app.url);
    await c.post("/api/auth/sign-in", { token: ADMIN_TOKEN });
    const cookie = c.cookie ?? "";
    const bare = await fetch(`${app.url}/api/redrives/x/cancel`, { method: "POST", headers: { cookie } });
    expect(bare.status).toBe(403);
    const viaReferer = await fetch(`${app.url}/api/redrives/x/cancel`, {
      method: "POST",
      headers: { cookie, referer: `${app.url}/dlq/orders.DLQ` },
    });
    // Past auth: the task does not exist.
    expect(viaReferer.status).toBe(404);
  });
});
