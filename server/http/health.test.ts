import { io } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { healthResponseSchema } from "@/lib/api/health";
import type { BrokerStatus } from "@/lib/model/status";
import { healthFeature } from "@/server/http/health-routes";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe("GET /api/health", () => {
  it("reports the real broker as up with its cluster size", async () => {
    app = await startTestApp(testConfig(), { health: healthFeature });
    const res = await fetch(`${app.url}/api/health?fresh=1`);
    expect(res.status).toBe(200);
    const body = healthResponseSchema.parse(await res.json());
    expect(body.status).toBe("ok");
    expect(body.broker.state).toBe("up");
    expect(body.broker.clusterBrokers).toBeGreaterThanOrEqual(1);
  });

  it("reports a broker that does not answer as down, with the connection error", async () => {
    // Port 1 on loopback refuses at once: a broker that is not there.
    app = await startTestApp(testConfig({ KAFKA_BROKERS: "127.0.0.1:1" }), { health: healthFeature });
    const body = healthResponseSchema.parse(await (await fetch(`${app.url}/api/health?fresh=1`)).json());
    expect(body.status).toBe("degraded");
    expect(body.broker.state).toBe("down");
    expect(body.broker.error).toMatch(/connect|ECONNREFUSED/i);
  });

  it("answers unknown API routes with a JSON 404 naming the route", async () => {
    app = await startTestApp(testConfig(), { health: healthFeature });
    const res = await fetch(`${app.url}/api/does-not-exist`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: "not_found", message: "no API route GET /api/does-not-exist" },
    });
  });
});

describe("socket broker:status", () => {
  it("pushes the broker status to a client as soon as it connects", async () => {
    app = await startTestApp(testConfig(), { health: healthFeature });
    await app.brokerMonitor.checkNow();
    const socket = io(app.url, { transports: ["websocket"] });
    try {
      const status = await new Promise<BrokerStatus>((resolve) => socket.once("broker:status", resolve));
      expect(status.state).toBe("up");
    } finally {
      socket.disconnect();
    }
  });
});
