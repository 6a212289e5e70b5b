import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiPath } from "@/lib/api/openapi";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp(testConfig());
});
afterAll(async () => {
  await app.close();
});

interface Document {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

describe("GET /api/openapi.json", () => {
  it("lists exactly the routes the router serves, each with its method", async () => {
    const res = await fetch(`${app.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Document;
    expect(doc.openapi).toBe("3.1.0");
    const served = app.context.router
      .routes()
      .map((r) => `${r.method} ${openApiPath(r.path)}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(served);
    // Every feature registered its routes: a missing one would shrink both lists alike.
    expect(served.length).toBeGreaterThanOrEqual(25);
  });

  it("answers a query the contract rejects with 400 naming the field", async () => {
    const res = await fetch(`${app.url}/api/events?limit=0`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toMatch(/^invalid query: limit: /);
  });

  it("answers a path param the contract rejects with 400", async () => {
    const res = await fetch(`${app.url}/api/traces/${"a".repeat(513)}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("give a trace id");
  });
});
