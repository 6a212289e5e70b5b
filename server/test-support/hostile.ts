/**
 * The hostile-input suite's harness: records a careless or malicious producer could write, produced to the
 * real broker, then every API that lists them is asked about them. A case passes when the backend stays
 * up, each listing answers 200 with the record in it, and the record's own page answers 200.
 */
import type { IHeaders, Message } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventsResponse } from "@/lib/api/events";
import type { Config } from "@/server/config";
import { startTestApp, type TestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, deleteTestTopics, testKafka, uniqueName } from "@/server/test-support/kafka";

export interface HostileCase {
  name: string;
  key?: Message["key"];
  value: Message["value"];
  headers?: IHeaders;
}

export interface Produced {
  name: string;
  partition: number;
  offset: string;
}

/** The whole backend (every feature), reading only the last minute so start-up stays quick. */
export function startHostileApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config: Config = testConfig({
    KAFKA_CLIENT_ID: uniqueName("es-hostile"),
    EVENTSCOPE_LOOKBACK: "1m",
    EVENTSCOPE_LAG_INTERVAL: "500ms",
    EVENTSCOPE_DLQ_SCAN_INTERVAL: "500ms",
    ...env,
  });
  return startTestApp(config);
}

export async function createTopic(topic: string, maxMessageBytes?: number): Promise<void> {
  await createTestTopics({
    topic,
    numPartitions: 1,
    configEntries: maxMessageBytes ? [{ name: "max.message.bytes", value: String(maxMessageBytes) }] : [],
  });
}

/** Produces each case as one record, in order; returns where each landed. */
export async function produceCases(topic: string, cases: readonly HostileCase[]): Promise<Produced[]> {
  const producer = testKafka().producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const out: Produced[] = [];
    for (const c of cases) {
      const [meta] = await producer.send({
        topic,
        // An explicit partition: kafkajs' key hashing takes minutes on a 1 MB key.
        messages: [{ key: c.key ?? null, value: c.value, headers: c.headers, partition: 0 }],
      });
      if (!meta?.baseOffset) throw new Error(`no offset for ${c.name}`);
      out.push({ name: c.name, partition: meta.partition, offset: meta.baseOffset });
    }
    return out;
  } finally {
    await producer.disconnect();
  }
}

async function getJson<T>(app: TestApp, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${app.url}${path}`);
  return { status: res.status, body: (await res.json()) as T };
}

/** Waits until the collector has stored every produced record of the topic. */
export async function waitUntilListed(
  app: TestApp,
  topic: string,
  produced: readonly Produced[],
): Promise<void> {
  await eventually(
    async () => {
      const { body } = await getJson<EventsResponse>(
        app,
        `/api/events?topic=${encodeURIComponent(topic)}&limit=1000`,
      );
      const offsets = new Set(body.events.map((e) => e.offset));
      return produced.every((p) => offsets.has(p.offset)) ? true : undefined;
    },
    60_000,
    `all ${produced.length} hostile records of ${topic} in /api/events`,
  );
}

/** The assertions every hostile record must pass. */
export async function expectServed(app: TestApp, topic: string, record: Produced): Promise<void> {
  const health = await fetch(`${app.url}/api/health`);
  expect(health.status, "the backend stays up").toBe(200);
  const events = await getJson<EventsResponse>(
    app,
    `/api/events?topic=${encodeURIComponent(topic)}&limit=1000`,
  );
  expect(events.status, "GET /api/events?topic=").toBe(200);
  expect(
    events.body.events.some((e) => e.offset === record.offset),
    "listed in /api/events",
  ).toBe(true);
  const id = `${topic}/${record.partition}/${record.offset}`;
  expect((await fetch(`${app.url}/api/events/${encodeURIComponent(id)}`)).status, "GET /api/events/:id").toBe(
    200,
  );
  for (const path of ["/api/topics", "/api/traces", "/api/flows", "/api/lag", "/api/dlq"])
    expect((await fetch(`${app.url}${path}`)).status, `GET ${path}`).toBe(200);
}

/** What a suite's own extra tests can look at once its records are stored. */
export interface HostileSuite {
  app: TestApp;
  topic: string;
  /** Where the case of this name landed. */
  record(name: string): Produced;
}

/**
 * One suite of hostile records: a topic of their own (`maxMessageBytes` for oversized ones), the whole
 * backend, every case produced and stored; then one test per case that it is stored, listed and served.
 * `more` adds the suite's own tests; the suite is ready when they run.
 */
export function describeHostileCases(
  title: string,
  cases: readonly HostileCase[],
  options: { maxMessageBytes?: number; setupTimeoutMs?: number } = {},
  more?: (suite: () => HostileSuite) => void,
): void {
  const topic = uniqueName(`hostile-${title.replace(/[^a-z]+/gi, "-").toLowerCase()}`);
  let app: TestApp | undefined;
  let produced: Produced[] = [];
  const suite = (): HostileSuite => {
    if (!app) throw new Error(`the ${title} suite did not start`);
    return {
      app,
      topic,
      record: (name) => {
        const found = produced.find((p) => p.name === name);
        if (!found) throw new Error(`${name} was not produced`);
        return found;
      },
    };
  };

  describe(title, () => {
    beforeAll(async () => {
      await createTopic(topic, options.maxMessageBytes);
      app = await startHostileApp();
      produced = await produceCases(topic, cases);
      await waitUntilListed(app, topic, produced);
    }, options.setupTimeoutMs ?? 120_000);

    afterAll(async () => {
      await app?.close();
      await deleteTestTopics([topic]);
    });

    it.each(cases.map((c) => c.name))("%s: stored, listed, served", async (name) => {
      const { app: running, record } = suite();
      await expectServed(running, topic, record(name));
    });

    more?.(suite);
  });
}
