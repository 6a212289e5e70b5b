/**
 * A cluster of 1,000 topics and one topic of 100 partitions, every one of them holding records, read by a
 * collector that starts on it: every record is stored, the APIs answer for all of it, and the wide topic's
 * stored offsets have no gap — at start and while it goes on flowing. The broker is this file's own (port
 * 19352): a thousand topics on the shared broker would slow every other test that reads all topics.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventsResponse } from "@/lib/api/events";
import type { TopicsResponse } from "@/lib/api/flows";
import type { HealthResponse } from "@/lib/api/health";
import { collectorFeature } from "@/server/collector/collector-feature";
import { flowsFeature } from "@/server/flows/flows-feature";
import { healthFeature } from "@/server/http/health-routes";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { uniqueName } from "@/server/test-support/kafka";
import { type OwnBroker, startOwnBroker } from "@/server/test-support/own-broker";

const PORT = Number(process.env.EVENTSCOPE_SCALE_BROKER_PORT ?? 19352);
const TOPICS = 1_000;
const WIDE_PARTITIONS = 100;
const prefix = uniqueName("many");
const narrow = Array.from({ length: TOPICS }, (_, n) => `${prefix}-${n}`);
const wide = `${prefix}-wide`;
let broker: OwnBroker;
let app: TestApp;
let startedAt = 0;

const get = async <T>(path: string) => (await (await fetch(`${app.url}${path}`)).json()) as T;

/** Per partition of the wide topic: its stored offsets as "lo-hi" when they run without a gap. */
async function wideOffsets(): Promise<string[]> {
  const { events } = await get<EventsResponse>(`/api/events?topic=${wide}&limit=1000`);
  const byPartition = Array.from({ length: WIDE_PARTITIONS }, () => [] as number[]);
  for (const e of events) byPartition[e.partition]!.push(Number(e.offset));
  return byPartition.map((offsets) => {
    offsets.sort((a, b) => a - b);
    const whole = offsets.every((o, i) => o === offsets[0]! + i);
    return whole ? `${offsets[0]}-${offsets.at(-1)}` : `gap(${offsets.join(",")})`;
  });
}

/**
 * A producer whose retries never write a record twice: a broker busy with a thousand new topics times
 * requests out, and a plain producer's retry of a batch that did land writes it twice, so the broker
 * would hold more records than were sent and this file's exact counts would be wrong.
 */
const idempotentProducer = () =>
  broker.kafka().producer({
    allowAutoTopicCreation: false,
    idempotent: true,
    maxInFlightRequests: 1,
    retry: { retries: 10 },
  });

/** Sends `perPartition` records to every partition of the wide topic. */
async function fillWide(perPartition: number) {
  const producer = idempotentProducer();
  await producer.connect();
  const messages = Array.from({ length: WIDE_PARTITIONS * perPartition }, (_, n) => ({
    partition: n % WIDE_PARTITIONS,
    value: JSON.stringify({ n }),
  }));
  await producer.send({ topic: wide, messages });
  await producer.disconnect();
}

beforeAll(async () => {
  broker = await startOwnBroker(`kafka-scale-${PORT}`, PORT);
  await broker.withAdmin(async (admin) => {
    // In bulk, as an operator's script would: a few requests, not a thousand.
    for (let from = 0; from < TOPICS; from += 250) {
      await admin.createTopics({
        topics: narrow.slice(from, from + 250).map((topic) => ({ topic, numPartitions: 1 })),
        // kafkajs' own wait gives up on the first "unknown topic" of a topic not served yet: see below.
        waitForLeaders: false,
        timeout: 60_000,
      });
    }
    await admin.createTopics({
      topics: [{ topic: wide, numPartitions: WIDE_PARTITIONS }],
      waitForLeaders: false,
      timeout: 60_000,
    });
    // A thousand new topics take the broker a while to serve: each partition has a leader before any send.
    await eventually(
      async () => {
        const { topics } = await admin.fetchTopicMetadata({ topics: [...narrow, wide] });
        return topics.every((t) => t.partitions.every((p) => p.leader >= 0)) ? true : undefined;
      },
      60_000,
      "a leader for every partition",
    );
  });
  const producer = idempotentProducer();
  await producer.connect();
  await producer.sendBatch({
    topicMessages: narrow.map((topic, n) => ({ topic, messages: [{ value: JSON.stringify({ n }) }] })),
  });
  await producer.disconnect();
  await fillWide(3);
  startedAt = Date.now();
  app = await startTestApp(
    testConfig({
      KAFKA_BROKERS: broker.address,
      KAFKA_CLIENT_ID: uniqueName("es-many"),
      EVENTSCOPE_LOOKBACK: "5m",
    }),
    { collector: collectorFeature, flows: flowsFeature, health: healthFeature },
  );
}, 120_000);

afterAll(async () => {
  await app?.close();
  await broker?.remove();
});

describe("1,000 topics and a topic of 100 partitions", () => {
  it("stores every record of every topic within 15 s of start, and /api/health counts every topic and partition", async () => {
    const records = TOPICS + WIDE_PARTITIONS * 3;
    // Asking the broker where each topic's last 5 minutes begin, topic after topic, took ~20 s here.
    const health = await eventually(
      async () => {
        const h = await get<HealthResponse>("/api/health");
        return h.collector && h.collector.eventsRead >= records ? h : undefined;
      },
      60_000,
      `${records} records read`,
    );
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    expect(health.collector).toMatchObject({
      state: "running",
      topics: TOPICS + 1,
      partitions: TOPICS + WIDE_PARTITIONS,
      eventsRead: records,
    });
  }, 90_000);

  it("lists every topic with its partitions in /api/topics, and serves any topic's events", async () => {
    const { topics } = await get<TopicsResponse>("/api/topics");
    const mine = new Map(topics.filter((t) => t.name.startsWith(prefix)).map((t) => [t.name, t.partitions]));
    expect(mine.size).toBe(TOPICS + 1);
    expect(mine.get(wide)).toBe(WIDE_PARTITIONS);
    expect(narrow.every((t) => mine.get(t) === 1)).toBe(true);
    for (const topic of [narrow[0]!, narrow[TOPICS / 2]!, narrow[TOPICS - 1]!]) {
      const { events } = await get<EventsResponse>(`/api/events?topic=${topic}`);
      expect(events.map((e) => e.offset)).toEqual(["0"]);
    }
  });

  it("holds every offset of the 100-partition topic without a gap, at start and as it goes on flowing", async () => {
    expect(await wideOffsets()).toEqual(Array.from({ length: WIDE_PARTITIONS }, () => "0-2"));
    await fillWide(4);
    let seen: string[] = [];
    await eventually(
      async () => {
        seen = await wideOffsets();
        return seen.every((range) => range === "0-6") ? true : undefined;
      },
      20_000,
      "offsets 0-6 on every partition",
    ).catch((error: Error) => {
      throw new Error(`${error.message}: stored ${seen.join(" ")}`);
    });
  }, 30_000);
});
