import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { healthFeature } from "@/server/http/health-routes";
import { lagFeature } from "@/server/lag";
import { MAX_CLIENT_MESSAGE_BYTES } from "@/server/live/socket-server";
import { startTestApp, type TestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { rawRequest } from "@/server/test-support/raw-http";

let app: TestApp | null = null;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await app?.close();
  app = null;
});

const port = (url: string) => new URL(url).port;

/** Connects like a browser page on `origin` would; resolves "connected" or the refusal message. */
function connectFrom(url: string, headers: Record<string, string>): Promise<string> {
  const socket = io(url, { extraHeaders: headers, reconnection: false, timeout: 5_000 });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(`refused: ${error.message}`));
  });
}

describe("live socket handshake (cross-site WebSocket hijacking)", () => {
  it("refuses a page on another site and accepts the dashboard's own origin", async () => {
    app = await startTestApp(testConfig(), { health: healthFeature });
    expect(await connectFrom(app.url, { origin: "http://evil.example" })).toMatch(/^refused/);
    expect(await connectFrom(app.url, { origin: "http://127.0.0.1:1" })).toMatch(/^refused/);
    expect(await connectFrom(app.url, { origin: "null" })).toMatch(/^refused/);
    expect(await connectFrom(app.url, { origin: app.url })).toBe("connected");
  });

  it("refuses a foreign origin over a direct WebSocket too", async () => {
    app = await startTestApp(testConfig(), { health: healthFeature });
    const socket = io(app.url, {
      transports: ["websocket"],
      extraHeaders: { origin: "http://evil.example" },
      reconnection: false,
    });
    sockets.push(socket);
    const outcome = await new Promise<string>((resolve) => {
      socket.once("connect", () => resolve("connected"));
      socket.once("connect_error", () => resolve("refused"));
    });
    expect(outcome).toBe("refused");
  });

  it("accepts an origin listed in EVENTSCOPE_ALLOWED_ORIGINS (a reverse proxy)", async () => {
    const proxy = "https://eventscope.example.com";
    app = await startTestApp(
      testConfig({ EVENTSCOPE_ALLOWED_ORIGINS: proxy, EVENTSCOPE_ALLOWED_HOSTS: "eventscope.example.com" }),
      { health: healthFeature },
    );
    expect(await connectFrom(app.url, { origin: proxy, host: "eventscope.example.com" })).toBe("connected");
    expect(await connectFrom(app.url, { origin: "https://other.example.com" })).toMatch(/^refused/);
  });

  it("refuses a handshake naming a foreign Host (DNS rebinding)", async () => {
    app = await startTestApp(testConfig(), { health: healthFeature });
    const rebound = `rebind.evil.example:${port(app.url)}`;
    expect(await connectFrom(app.url, { host: rebound, origin: `http://${rebound}` })).toMatch(/^refused/);
  });
});

describe("live socket messages", () => {
  it("a message over the size limit closes that client's connection; others keep theirs", async () => {
    app = await startTestApp(testConfig(), { health: healthFeature });
    const open = (transport: "websocket" | "polling") => {
      const socket = io(app?.url ?? "", { transports: [transport], reconnection: false });
      sockets.push(socket);
      return new Promise<Socket>((resolve) => socket.once("connect", () => resolve(socket)));
    };
    const [hostile, bystander] = await Promise.all([open("websocket"), open("websocket")]);
    const closed = new Promise<string>((resolve) => hostile.once("disconnect", resolve));
    hostile.emit("broker:refresh", "x".repeat(MAX_CLIENT_MESSAGE_BYTES + 1) as never);
    expect(await closed).toMatch(/close/);
    expect(bystander.connected).toBe(true);
  });
});

describe("host allow-list (DNS rebinding)", () => {
  it("answers the bind address, localhost and 127.0.0.1 on the listening port", async () => {
    app = await startTestApp(testConfig(), { health: healthFeature });
    for (const host of ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"]) {
      const res = await rawRequest(app.url, "/api/health", { host: `${host}:${port(app.url)}` });
      expect(res.status, host).toBe(200);
    }
  });

  it("refuses any other host with a JSON 403, for API routes and pages alike", async () => {
    app = await startTestApp(testConfig(), { health: healthFeature, lag: lagFeature });
    for (const target of ["/api/health", "/api/lag", "/", "/flows"]) {
      const res = await rawRequest(app.url, target, { host: `rebind.evil.example:${port(app.url)}` });
      expect(res.status, target).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: "forbidden" } });
      expect(res.body).toContain("EVENTSCOPE_ALLOWED_HOSTS");
    }
    // The right name on another port is not this dashboard either.
    expect((await rawRequest(app.url, "/api/health", { host: "127.0.0.1:1" })).status).toBe(403);
  });

  it("answers the names in EVENTSCOPE_ALLOWED_HOSTS", async () => {
    app = await startTestApp(testConfig({ EVENTSCOPE_ALLOWED_HOSTS: "eventscope.internal,proxy:8443" }), {
      health: healthFeature,
    });
    expect((await rawRequest(app.url, "/api/health", { host: "eventscope.internal" })).status).toBe(200);
    expect((await rawRequest(app.url, "/api/health", { host: "proxy:8443" })).status).toBe(200);
    expect((await rawRequest(app.url, "/api/health", { host: "proxy:9443" })).status).toBe(403);
  });
});

describe("security headers", () => {
  const expectHardened = (headers: Record<string, unknown>) => {
    const csp = String(headers["content-security-policy"]);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
  };

  it("are on API answers, errors, pages and refusals", async () => {
    app = await startTestApp(testConfig(), { health: healthFeature });
    for (const target of ["/api/health", "/api/nope", "/flows"])
      expectHardened((await rawRequest(app.url, target, { host: new URL(app.url).host })).headers);
    expectHardened((await rawRequest(app.url, "/api/health", { host: "evil.example" })).headers);
  });

  it("are on socket.io's own answers", async () => {
    app = await startTestApp(testConfig(), { health: healthFeature });
    const res = await rawRequest(app.url, "/socket.io/?EIO=4&transport=polling", {
      host: new URL(app.url).host,
    });
    expect(res.status).toBe(200);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("DENY");
  });
});

describe("malformed request targets", () => {
  it("answer 400, not 500, for a malformed %-escape in an API path", async () => {
    app = await startTestApp(testConfig(), { health: healthFeature, lag: lagFeature });
    const res = await rawRequest(app.url, "/api/lag/%E0%A4%A", { host: new URL(app.url).host });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "bad_request" } });
  });

  it("treat a target that does not parse as a URL as a plain path, and the server keeps serving", async () => {
    app = await startTestApp(testConfig(), { health: healthFeature });
    const host = new URL(app.url).host;
    // `new URL("//[", base)` throws: resolved against a base, this once crashed the request listener.
    expect((await rawRequest(app.url, "//[", { host })).status).toBe(404);
    // …and `//name/api/…` resolved to another host's /api path instead of being a path of its own.
    expect((await rawRequest(app.url, "//evil.example/api/health", { host })).status).toBe(404);
    expect((await rawRequest(app.url, "*", { host })).status).toBe(400);
    expect((await rawRequest(app.url, "/api/health", { host })).status).toBe(200);
  });
});
