/** The lag REST API and socket against the real broker: unknown lag, unknown groups, live pushes, outages. */
import type { Consumer } from "kafkajs";
import { io, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import {
  lagGroupDetailResponseSchema,
  lagGroupsResponseSchema,
  type LagGroupDetailResponse,
  type LagGroupsResponse,
} from "@/lib/api/lag";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/live/socket-contract";
import { lagFeature } from "@/server/lag";
import { describeGroup } from "@/server/lag/testing/kafka-consumer-groups";
import { recordGroupPolls } from "@/server/lag/testing/polls";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { createTestTopics, testBrokers, testKafka, uniqueName, withAdmin } from "@/server/test-support/kafka";

let app: TestApp | null = null;
let consumer: Consumer | null = null;
afterEach(async () => {
  await consumer?.disconnect();
  await app?.close();
  [app, consumer] = [null, null];
});

const fastPolls = () => testConfig({ EVENTSCOPE_LAG_INTERVAL: "500ms" });

function lagService(testApp: TestApp) {
  const service = testApp.services.lag;
  if (!service) throw new Error("the lag feature is not running");
  return service;
}

describe("GET /api/lag/:group", () => {
  it("shows a partition the group never committed on as unknown lag (null), not 0, as Kafka's tool does", async () => {
    const topic = uniqueName("lag-half-read");
    const group = uniqueName("lag-half-reader");
    await createTestTopics({ topic, numPartitions: 2 });
    const kafka = testKafka();
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({ topic, messages: [0, 1, 2, 3, 4].map((i) => ({ partition: 0, value: `r${i}` })) });
    await producer.disconnect();
    app = await startTestApp(fastPolls(), { lag: lagFeature });
    const polls = recordGroupPolls(lagService(app), group);
    consumer = kafka.consumer({ groupId: group, allowAutoTopicCreation: false });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async () => undefined });

    await polls.waitFor("partition 0 committed at 5", (d) => d.partitions[0]?.currentOffset === "5");
    polls.stop();
    const res = await fetch(`${app.url}/api/lag/${encodeURIComponent(group)}`);
    expect(res.status).toBe(200);
    const detail = lagGroupDetailResponseSchema.parse(await res.json());
    const [read, neverRead] = detail.partitions;
    expect(read).toMatchObject({
      partition: 0,
      currentOffset: "5",
      logEndOffset: "5",
      lag: "0",
      status: "OK",
    });
    expect(neverRead).toMatchObject({
      partition: 1,
      currentOffset: null,
      logEndOffset: "0",
      lag: null,
      timeLagSeconds: null,
      status: null,
    });
    expect(neverRead?.consumerId).toBe(read?.consumerId);
    expect(detail.group).toMatchObject({ totalLag: "0", unknownPartitions: 1, members: 1, state: "Stable" });

    const tool = await describeGroup(testBrokers()[0] ?? "127.0.0.1:9092", group);
    expect(
      tool.rows.map((r) => [r.partition, r.currentOffset, r.lag]),
      tool.output,
    ).toEqual([
      [0, "5", "0"],
      [1, null, null],
    ]);
  });

  it("answers 404 with a clear message for a group Kafka does not know", async () => {
    app = await startTestApp(fastPolls(), { lag: lagFeature });
    const group = uniqueName("no-such-group");
    const res = await fetch(`${app.url}/api/lag/${encodeURIComponent(group)}`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toMatch(new RegExp(`no consumer group "${group}": Kafka did not list it`));
  });
});

describe("lag over the socket", () => {
  it("sends the groups table and a group's detail at once on subscribe, then after every poll", async () => {
    const topic = uniqueName("lag-live");
    const group = uniqueName("lag-live-group");
    await createTestTopics({ topic, numPartitions: 1 });
    await withAdmin((admin) =>
      admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: "0" }] }),
    );
    app = await startTestApp(fastPolls(), { lag: lagFeature });
    await lagService(app).ready();
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(app.url, {
      transports: ["websocket"],
    });
    try {
      const tables: LagGroupsResponse[] = [];
      const details: LagGroupDetailResponse[] = [];
      socket.on("lag:groups", (t) => tables.push(lagGroupsResponseSchema.parse(t)));
      socket.on("lag:group", (d) => details.push(lagGroupDetailResponseSchema.parse(d)));
      const acks = await Promise.all([
        new Promise((resolve) => socket.emit("channel:join", { channel: "lag", group: null }, resolve)),
        new Promise((resolve) => socket.emit("channel:join", { channel: "lag", group }, resolve)),
        new Promise((resolve) =>
          socket.emit("channel:join", { channel: "lag", group: 42 } as never, resolve),
        ),
      ]);
      expect(acks).toEqual([
        { ok: true, channel: "lag", reply: {} },
        { ok: true, channel: "lag", reply: {} },
        { ok: false, error: expect.stringContaining("invalid channel request") },
      ]);
      await expect.poll(() => details.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
      expect(tables.length).toBeGreaterThanOrEqual(3);
      expect(tables.at(-1)?.groups.some((g) => g.id === group)).toBe(true);
      expect(details.at(-1)?.group.id).toBe(group);
      const times = details.map((d) => d.observedAt ?? 0);
      expect(times.at(-1)).toBeGreaterThan(times[0] ?? 0);

      socket.emit("channel:leave", { channel: "lag", group });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const before = details.length;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(details.length).toBe(before);
    } finally {
      socket.disconnect();
    }
  });
});

describe("lag poller resilience", () => {
  it("drops a deleted topic's partitions and keeps polling the rest", async () => {
    const [doomed, kept] = [uniqueName("lag-doomed"), uniqueName("lag-kept")];
    const group = uniqueName("lag-two-topics");
    await createTestTopics(...[doomed, kept].map((topic) => ({ topic, numPartitions: 1 })));
    await withAdmin(async (admin) => {
      for (const topic of [doomed, kept])
        await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: "0" }] });
    });
    app = await startTestApp(fastPolls(), { lag: lagFeature });
    const polls = recordGroupPolls(lagService(app), group);
    await polls.waitFor("both topics", (d) => d.topics.length === 2);
    await withAdmin((admin) => admin.deleteTopics({ topics: [doomed] }));
    const after = await polls.waitFor("the deleted topic to be gone", (d) => d.topics.length === 1, 20_000);
    expect(after.topics.map((t) => t.topic)).toEqual([kept]);

    // The admin is still healthy: a record produced now shows up as lag on the kept topic.
    const producer = testKafka().producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({ topic: kept, messages: [{ value: "late" }] });
    await producer.disconnect();
    const lagging = await polls.waitFor("lag 1 on the kept topic", (d) => d.group.totalLag === "1", 10_000);
    expect(lagging.stale).toBe(false);
    polls.stop();
  });

  it("answers, flagged with the error, when Kafka does not answer at all", async () => {
    app = await startTestApp(testConfig({ KAFKA_BROKERS: "127.0.0.1:1", EVENTSCOPE_LAG_INTERVAL: "500ms" }), {
      lag: lagFeature,
    });
    const table = lagGroupsResponseSchema.parse(await (await fetch(`${app.url}/api/lag`)).json());
    expect(table).toMatchObject({ observedAt: null, stale: false, groups: [] });
    expect(table.error).toMatch(/connect|ECONNREFUSED/i);
    const res = await fetch(`${app.url}/api/lag/any-group`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /^consumer lag is not available yet: Kafka does not answer/,
    );
  });
});
