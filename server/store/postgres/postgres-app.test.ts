import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventResponse, EventsResponse } from "@/lib/api/events";
import type { HealthResponse } from "@/lib/api/health";
import type { TraceResponse } from "@/lib/api/traces";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName } from "@/server/test-support/kafka";
import { createTestDatabase, type TestDatabase } from "@/server/test-support/postgres";

let db: TestDatabase;
let app: TestApp;
const producer = testKafka().producer({ allowAutoTopicCreation: false });
const get = async <T>(path: string) => (await (await fetch(`${app.url}${path}`)).json()) as T;

beforeAll(async () => {
  db = await createTestDatabase();
  await producer.connect();
  app = await startTestApp(
    testConfig({ KAFKA_CLIENT_ID: uniqueName("es-pg"), EVENTSCOPE_LOOKBACK: "1m", EVENTSCOPE_STORE: db.url }),
  );
});

afterAll(async () => {
  await app?.close();
  await producer.disconnect();
  await db?.drop();
});

describe("the dashboard over the PostgreSQL store", () => {
  it("stitches a trace spread over three partitions, lists its events and opens one with its payload", async () => {
    const topic = uniqueName("pg-orders");
    const traceId = randomBytes(16).toString("hex");
    await createTestTopics({ topic, numPartitions: 3 });
    await producer.send({
      topic,
      messages: [0, 1, 2].map((partition) => ({
        partition,
        key: `k${partition}`,
        value: JSON.stringify({ step: partition }),
        headers: {
          traceparent: `00-${traceId}-00f067aa0ba902b${partition}-01`,
          ce_source: `svc-${partition}`,
        },
      })),
    });
    const trace = await eventually(
      async () => {
        const res = await fetch(`${app.url}/api/traces/${traceId}`);
        const body = res.ok ? ((await res.json()) as TraceResponse) : null;
        return body && body.trace.hops.length === 3 ? body : undefined;
      },
      30_000,
      "the trace's three events in the store",
    );
    expect(new Set(trace.trace.hops.map((h) => h.event.partition))).toEqual(new Set([0, 1, 2]));

    const listed = await get<EventsResponse>(`/api/events?topic=${encodeURIComponent(topic)}`);
    expect(listed.events).toHaveLength(3);
    expect(listed.partial).toBe(false);
    const opened = await get<EventResponse>(`/api/events/${encodeURIComponent(`${topic}/1/0`)}`);
    expect(opened.payload).toBe("stored");
    if (opened.payload === "stored") expect(opened.event.value.json).toEqual({ step: 1 });

    await eventually(
      async () => {
        const health = await get<HealthResponse>("/api/health");
        return health.store?.backend === "postgres" && health.store.events >= 3 ? true : undefined;
      },
      10_000,
      "health to report the PostgreSQL store's events",
    );
  });
});
