/**
 * The live tail at a browser's full rate, end to end: a socket that asks for 2,000 events/s of a topic
 * produced at 5,000/s, read by the real collector from the real broker, receives well over 1,000 events/s,
 * never more than its cap allows, and is told how many were sampled away, so that every event of the topic
 * is either sent or counted.
 */
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { EventsResponse } from "@/lib/api/events";
import type { TailBatch } from "@/lib/live/contract-flows";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/live/socket-contract";
import { BURST_SEC, FLUSH_MS } from "@/server/live/tail-hub";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName } from "@/server/test-support/kafka";

const RATE = 5_000;
const SECONDS = 4;
const ASKED = 2_000;
const PARTITIONS = 3;

let app: TestApp;
const topic = uniqueName("tail-rate");
const producer = testKafka().producer();

beforeAll(async () => {
  await createTestTopics({ topic, numPartitions: PARTITIONS });
  await producer.connect();
  app = await startTestApp(testConfig({ KAFKA_CLIENT_ID: uniqueName("es"), EVENTSCOPE_LOOKBACK: "1m" }));
  // The collector reads the topic before the stream starts, so the stream is timed from its first record.
  await producer.send({ topic, messages: [{ value: "warm-up" }] });
  await eventually(
    async () => {
      const res = await fetch(`${app.url}/api/events?topic=${encodeURIComponent(topic)}&limit=1`);
      return ((await res.json()) as EventsResponse).events.length > 0 ? true : undefined;
    },
    20_000,
    "the collector reading the topic",
  );
});

afterAll(async () => {
  await app?.close();
  await producer.disconnect();
});

/** RATE records a second for SECONDS, sent every 100 ms across the partitions. */
async function produceStream(): Promise<number> {
  const perSend = RATE / 10;
  const started = Date.now();
  for (let tick = 0; tick < SECONDS * 10; tick++) {
    await producer.send({
      topic,
      messages: Array.from({ length: perSend }, (_, i) => ({
        partition: i % PARTITIONS,
        value: `{"n":${tick * perSend + i}}`,
      })),
    });
    await new Promise((r) => setTimeout(r, Math.max(0, started + (tick + 1) * 100 - Date.now())));
  }
  return SECONDS * RATE;
}

it("sends a client that asks for 2,000 events/s of a 5,000/s topic over 1,000/s, within its cap, and counts the rest", async () => {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(app.url, {
    transports: ["websocket"],
  });
  const batches: { at: number; batch: TailBatch }[] = [];
  socket.on("tail:batch", (batch) => batches.push({ at: Date.now(), batch }));
  try {
    const ack = await socket
      .timeout(5_000)
      .emitWithAck("channel:join", { channel: "tail", filter: { topic }, maxPerSec: ASKED });
    expect(ack).toEqual({ ok: true, channel: "tail", reply: { maxPerSec: ASKED } });
    const joinedAt = Date.now();

    const produced = await produceStream();
    const count = (key: "events" | "dropped") =>
      batches.reduce((n, { batch }) => n + (key === "events" ? batch.events.length : batch.dropped), 0);
    await eventually(
      async () => (count("events") + count("dropped") >= produced ? true : undefined),
      30_000,
      "every event of the stream sent or counted",
    );
    const lastAt = batches.at(-1)!.at;

    expect(count("events") + count("dropped")).toBe(produced);
    expect(count("dropped")).toBeGreaterThan(0);
    // Never above the cap: at most the cap for the time since the join, plus one saved-up burst.
    const sinceJoinSec = (lastAt - joinedAt) / 1000;
    expect(count("events")).toBeLessThanOrEqual(
      ASKED * (sinceJoinSec + BURST_SEC) + ASKED * (FLUSH_MS / 1000),
    );
    // While the stream was faster than the cap (batches came with a sampled-away count), the client got
    // events at well over 1,000/s.
    const sampled = batches.filter(({ batch }) => batch.dropped > 0);
    const from = batches[0]!.at;
    const to = sampled.at(-1)!.at;
    const inSpan = batches.filter(({ at }) => at <= to).reduce((n, { batch }) => n + batch.events.length, 0);
    expect(inSpan / ((to - from + FLUSH_MS) / 1000)).toBeGreaterThanOrEqual(1_000);
  } finally {
    socket.disconnect();
  }
}, 90_000);
