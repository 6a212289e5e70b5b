/**
 * A user's consumer group rebalances under a steady stream — a second member joins, then the first leaves —
 * while Eventscope watches it: /api/lag answers through both rebalances with the group's members as Kafka
 * has them, and the collector stores every offset of the stream once.
 */
import type { Consumer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventsResponse } from "@/lib/api/events";
import { type LagGroupDetailResponse, lagGroupDetailResponseSchema } from "@/lib/api/lag";
import { collectorFeature } from "@/server/collector/collector-feature";
import { lagFeature } from "@/server/lag";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName, withAdmin } from "@/server/test-support/kafka";
import { type SteadyStream, startSteadyStream } from "@/server/test-support/steady-stream";

const PARTITIONS = 4;
const topic = uniqueName("rebalancing");
const group = uniqueName("rebalancing-group");
let app: TestApp;
let stream: SteadyStream;
const consumers: Consumer[] = [];

/** Every answer of /api/lag/:group while the test runs: status, and members when it answered 200. */
const answers: { status: number; members: number | null }[] = [];
let watching = true;
let watcher: Promise<void> = Promise.resolve();

async function joinGroup(): Promise<Consumer> {
  const consumer = testKafka().consumer({ groupId: group, allowAutoTopicCreation: false });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({ eachMessage: async () => undefined });
  consumers.push(consumer);
  return consumer;
}

async function lagDetail(): Promise<LagGroupDetailResponse | undefined> {
  const response = await fetch(`${app.url}/api/lag/${group}`);
  if (response.status !== 200) return undefined;
  return lagGroupDetailResponseSchema.parse(await response.json());
}

beforeAll(async () => {
  await createTestTopics({ topic, numPartitions: PARTITIONS });
  app = await startTestApp(
    testConfig({
      KAFKA_CLIENT_ID: uniqueName("es-rebalance"),
      EVENTSCOPE_LOOKBACK: "1m",
      EVENTSCOPE_LAG_INTERVAL: "500ms",
    }),
    { collector: collectorFeature, lag: lagFeature },
  );
  stream = await startSteadyStream(testKafka(), topic, PARTITIONS);
  await joinGroup();
  watcher = (async () => {
    while (watching) {
      const response = await fetch(`${app.url}/api/lag/${group}`).catch(() => null);
      const body =
        response?.status === 200 ? lagGroupDetailResponseSchema.parse(await response.json()) : null;
      answers.push({ status: response?.status ?? 0, members: body?.group.members ?? null });
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
});

afterAll(async () => {
  watching = false;
  await watcher;
  await stream?.stop();
  for (const consumer of consumers) await consumer.disconnect().catch(() => undefined);
  await app?.close();
});

describe("a consumer group rebalancing under a steady stream", () => {
  it("shows the members as they join and leave, /api/lag answering throughout, and stores every offset once", async () => {
    const members = (n: number) =>
      eventually(
        async () => ((await lagDetail())?.group.members === n ? true : undefined),
        30_000,
        `${n} member(s) in /api/lag`,
      );
    await members(1);
    const [first] = consumers;
    await joinGroup();
    await members(2);
    await first!.disconnect();
    await members(1);

    await stream.stop();
    watching = false;
    await watcher;
    // A group that is not found yet answers 404 at the very start; from its first sighting on, always 200.
    const seen = answers.findIndex((a) => a.status === 200);
    expect(answers.slice(seen).filter((a) => a.status !== 200)).toEqual([]);

    const ends = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
    const expected = ends.reduce((n, e) => n + Number(e.high), 0);
    expect(expected).toBe(stream.sent());
    const stored = await eventually(
      async () => {
        const { events } = (await (
          await fetch(`${app.url}/api/events?topic=${topic}&limit=1000`)
        ).json()) as EventsResponse;
        return events.length >= expected ? events : undefined;
      },
      20_000,
      "every record of the stream stored",
    );
    const ids = stored.map((e) => `${e.partition}/${e.offset}`);
    expect(new Set(ids).size).toBe(expected);
    for (const end of ends)
      for (let offset = 0; offset < Number(end.high); offset++)
        expect(ids).toContain(`${end.partition}/${offset}`);
  }, 120_000);
});
