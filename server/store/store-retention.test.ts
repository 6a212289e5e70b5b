/**
 * Retention of the running dashboard, against the real broker: by age and by disk budget, oldest first,
 * reported in /api/health; an event whose payload was dropped answers "expired", not an error.
 */
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { EventResponse, EventsResponse } from "@/lib/api/events";
import type { HealthResponse } from "@/lib/api/health";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName } from "@/server/test-support/kafka";

const HOUR = 3_600_000;
let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function get<T>(path: string): Promise<T> {
  const res = await fetch(`${app!.url}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

async function newTopic(prefix: string): Promise<string> {
  const topic = uniqueName(prefix);
  await createTestTopics({ topic, numPartitions: 1 });
  return topic;
}

async function send(
  topic: string,
  messages: { value: Buffer | string; timestamp?: string }[],
): Promise<void> {
  const producer = testKafka().producer();
  await producer.connect();
  // Batches well under the broker's largest accepted record batch (4 MB).
  const perSend = messages.some((m) => m.value.length > 10_000) ? 5 : 50;
  for (let i = 0; i < messages.length; i += perSend)
    await producer.send({ topic, messages: messages.slice(i, i + perSend) });
  await producer.disconnect();
}

describe("store retention", () => {
  it("evicts events older than EVENTSCOPE_RETENTION, oldest first, and /api/health says so", async () => {
    const topic = await newTopic("aged");
    app = await startTestApp(
      testConfig({
        KAFKA_CLIENT_ID: uniqueName("es"),
        EVENTSCOPE_LOOKBACK: "1m",
        EVENTSCOPE_RETENTION: "1h",
      }),
    );
    // Once the collector reads the topic, records stamped two hours ago by their producer's clock arrive
    // live: they are stored, then leave by retention.
    await send(topic, [{ value: "new-first" }]);
    await eventually(
      async () =>
        (await get<EventsResponse>(`/api/events?topic=${topic}`)).events.length === 1 ? true : undefined,
      30_000,
      "the topic being read",
    );
    const now = Date.now();
    await send(topic, [
      ...Array.from({ length: 300 }, (_, i) => ({
        value: `old-${i}`,
        timestamp: String(now - 2 * HOUR + i),
      })),
      ...Array.from({ length: 199 }, (_, i) => ({ value: `new-${i}`, timestamp: String(now + i) })),
    ]);
    const kept = await eventually(
      async () => {
        const { events } = await get<EventsResponse>(`/api/events?topic=${topic}&limit=1000`);
        return events.length === 200 ? events : undefined;
      },
      30_000,
      "only the 200 recent events left",
    );
    expect(kept.every((e) => e.preview.startsWith("new-"))).toBe(true);
    const health = await eventually(
      async () => {
        const h = await get<HealthResponse>("/api/health");
        return (h.store?.window.from ?? 0) >= now - HOUR - 60_000 ? h : undefined;
      },
      30_000,
      "the store's window to start within the retention",
    );
    expect(health.store?.evictedEvents).toBeGreaterThanOrEqual(300);
    expect(health.store?.window.evicted).toBe(true);
  });

  it("stays within EVENTSCOPE_DISK_BUDGET_MB: the oldest payloads expire first and say so", async () => {
    const topic = await newTopic("budget");
    // 40 MB of incompressible values against a 16 MB budget.
    await send(
      topic,
      Array.from({ length: 400 }, () => ({ value: randomBytes(100_000) })),
    );
    app = await startTestApp(
      testConfig({
        KAFKA_CLIENT_ID: uniqueName("es"),
        EVENTSCOPE_DISK_BUDGET_MB: "16",
        EVENTSCOPE_LOOKBACK: "5m",
      }),
    );
    const health = await eventually(
      async () => {
        const h = await get<HealthResponse>("/api/health");
        const stored = (await get<EventsResponse>(`/api/events?topic=${topic}&limit=1000`)).events.length;
        return stored === 400 && h.store && h.store.diskBytes <= h.store.diskBudgetBytes ? h : undefined;
      },
      45_000,
      "all 400 events indexed within the disk budget",
    );
    expect(health.store?.expiredPayloadEvents).toBeGreaterThan(0);
    const oldest = await get<EventResponse>(`/api/events/${encodeURIComponent(`${topic}/0/0`)}`);
    expect(oldest.payload).toBe("expired");
    expect(oldest.event.id).toBe(`${topic}/0/0`);
    const newest = await get<EventResponse>(`/api/events/${encodeURIComponent(`${topic}/0/399`)}`);
    expect(newest.payload).toBe("stored");
    expect(newest.payload === "stored" && newest.event.value.size).toBe(100_000);
  });
});
