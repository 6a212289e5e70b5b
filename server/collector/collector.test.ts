import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventResponse, EventsResponse } from "@/lib/api/events";
import type { EventRecord } from "@/lib/model/event";
import type { TopicsResponse } from "@/lib/api/flows";
import type { TailBatch } from "@/lib/live/contract-flows";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName } from "@/server/test-support/kafka";

let app: TestApp;
const producer = testKafka().producer({ allowAutoTopicCreation: true });

async function eventsOf(topic: string): Promise<EventsResponse> {
  return (
    await fetch(`${app.url}/api/events?topic=${encodeURIComponent(topic)}&limit=1000`)
  ).json() as Promise<EventsResponse>;
}

/** The full record (headers, key, value) as the event drawer gets it. */
async function fullEvent(id: string): Promise<EventRecord> {
  const body = (await (
    await fetch(`${app.url}/api/events/${encodeURIComponent(id)}`)
  ).json()) as EventResponse;
  if (body.payload !== "stored") throw new Error(`payload of ${id} is ${body.payload}`);
  return body.event;
}

beforeAll(async () => {
  await producer.connect();
  // A short lookback keeps start-up independent of how much history the shared test broker holds.
  app = await startTestApp(testConfig({ KAFKA_CLIENT_ID: uniqueName("es-test"), EVENTSCOPE_LOOKBACK: "1m" }));
});

afterAll(async () => {
  await app?.close();
  await producer.disconnect();
});

describe("collector", () => {
  it("picks up a topic created after start: in /api/topics and its events in the index within 10 s", async () => {
    const topic = uniqueName("late-topic");
    const started = Date.now();
    await createTestTopics({ topic, numPartitions: 2 });
    await producer.send({
      topic,
      messages: [
        {
          key: "k",
          value: '{"hello":"world"}',
          headers: { traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" },
        },
      ],
    });
    const listed = await eventually(
      async () =>
        ((await (await fetch(`${app.url}/api/topics`)).json()) as TopicsResponse).topics.find(
          (t) => t.name === topic,
        ),
      10_000,
      "the new topic in /api/topics",
    );
    expect(listed.partitions).toBe(2);
    const events = await eventually(
      async () => ((await eventsOf(topic)).events.length > 0 ? (await eventsOf(topic)).events : undefined),
      10_000,
      "its event",
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(events[0]).toMatchObject({ topic, traceId: "4bf92f3577b34da6a3ce929d0e0e4736" });
    expect(await fullEvent(events[0]!.id)).toMatchObject({
      value: { kind: "json", json: { hello: "world" } },
    });
  });

  it("keeps binary, non-UTF-8, empty, 1 MB and malformed-header records, and keeps reading after them", async () => {
    const topic = uniqueName("hostile");
    await createTestTopics({ topic, numPartitions: 1 });
    const oneMb = Buffer.alloc(1024 * 1024, "a");
    await producer.send({
      topic,
      messages: [
        { value: Buffer.from([0xff, 0xfe, 0x00, 0x80]) },
        { value: Buffer.from("caf\xe9", "latin1"), headers: { "x-bin": Buffer.from([0xc3, 0x28]) } },
        { value: null },
        { value: Buffer.alloc(0) },
        { value: oneMb },
        { value: "{}", headers: { traceparent: "ff-zz-not-a-trace-01", b3: "garbage" } },
        { value: '{"after":true}' },
      ],
    });
    const events = await eventually(
      async () => {
        const { events } = await eventsOf(topic);
        return events.length >= 7 ? events : undefined;
      },
      20_000,
      "all seven records",
    );
    const byOffset = new Map(
      await Promise.all(events.map(async (e) => [e.offset, await fullEvent(e.id)] as const)),
    );
    expect(byOffset.get("0")?.value).toMatchObject({ kind: "binary", text: "fffe0080" });
    expect(byOffset.get("1")?.value.kind).toBe("binary");
    expect(byOffset.get("1")?.headers).toContainEqual({
      key: "x-bin",
      value: { text: "c328", encoding: "hex" },
    });
    expect(byOffset.get("2")?.value.kind).toBe("empty");
    expect(byOffset.get("4")?.value).toMatchObject({ size: 1024 * 1024, truncated: true });
    expect(byOffset.get("5")?.traceId).toBeNull();
    expect(byOffset.get("6")?.value.json).toEqual({ after: true });
    const health = (await (await fetch(`${app.url}/api/health`)).json()) as { collector: { state: string } };
    expect(health.collector.state).toBe("running");
  });

  it("caps a client that asks for 100 events/s while 2,000/s arrive, and reports how many it sampled away", async () => {
    const topic = uniqueName("firehose");
    await createTestTopics({ topic, numPartitions: 1 });
    await producer.send({ topic, messages: [{ value: "warm-up" }] });
    await eventually(
      async () => ((await eventsOf(topic)).events.length > 0 ? true : undefined),
      10_000,
      "warm-up",
    );

    const socket: Socket = io(app.url, { transports: ["websocket"] });
    const batches: { at: number; batch: TailBatch }[] = [];
    socket.on("tail:batch", (batch: TailBatch) => batches.push({ at: Date.now(), batch }));
    const ack = await socket
      .timeout(5_000)
      .emitWithAck("channel:join", { channel: "tail", filter: { topic }, maxPerSec: 100 });
    expect(ack).toEqual({ ok: true, channel: "tail", reply: { maxPerSec: 100 } });

    const seconds = 4;
    const started = Date.now();
    for (let s = 0; s < seconds; s++) {
      for (let i = 0; i < 10; i++) {
        await producer.send({
          topic,
          messages: Array.from({ length: 200 }, (_, n) => ({ value: `{"n":${s * 2000 + i * 200 + n}}` })),
        });
        await new Promise((r) => setTimeout(r, Math.max(0, started + s * 1000 + (i + 1) * 100 - Date.now())));
      }
    }
    await eventually(
      async () => ((await eventsOf(topic)).events.length >= 1000 ? true : undefined),
      15_000,
      "the stream in the index",
    );
    await new Promise((r) => setTimeout(r, 1_000));
    socket.disconnect();

    const received = batches.reduce((n, b) => n + b.batch.events.length, 0);
    const dropped = batches.reduce((n, b) => n + b.batch.dropped, 0);
    const spanSeconds = (batches.at(-1)!.at - batches[0]!.at) / 1000 + 1;
    expect(received / spanSeconds).toBeLessThanOrEqual(100);
    expect(received).toBeGreaterThan(100);
    expect(dropped).toBeGreaterThan(seconds * 2000 * 0.5);
    expect(received + dropped).toBe(seconds * 2000);
  }, 60_000);
});
