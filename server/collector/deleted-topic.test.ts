/**
 * A topic deleted while the collector reads it and a browser's live tail watches it: the collector keeps
 * reading every other topic, the tails stay connected and go on streaming, and the deleted topic's stored
 * events stay viewable.
 */
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventsResponse } from "@/lib/api/events";
import type { TailBatch } from "@/lib/live/contract-flows";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { storedEventCount } from "@/server/test-support/stored-events";
import {
  createTestTopics,
  deleteTestTopics,
  testKafka,
  uniqueName,
  withAdmin,
} from "@/server/test-support/kafka";

let app: TestApp;
const doomed = uniqueName("doomed");
const kept = uniqueName("kept");
const producer = testKafka().producer({ allowAutoTopicCreation: false });

const count = (topic: string) => storedEventCount(app.url, topic);

/** A browser's live tail: a socket joined to the tail channel with `filter`, keeping what it is sent. */
async function tail(filter: { topic?: string }) {
  const socket: Socket = io(app.url, { transports: ["websocket"] });
  const values: string[] = [];
  let disconnected = false;
  socket.on("tail:batch", (batch: TailBatch) => values.push(...batch.events.map((e) => e.preview)));
  socket.on("disconnect", () => (disconnected = true));
  const join = (f: { topic?: string }) =>
    socket.timeout(5_000).emitWithAck("channel:join", { channel: "tail", filter: f, maxPerSec: 100 });
  expect(await join(filter)).toMatchObject({ ok: true });
  return { socket, values, join, disconnected: () => disconnected };
}

beforeAll(async () => {
  await createTestTopics(...[doomed, kept].map((topic) => ({ topic, numPartitions: 2 })));
  await producer.connect();
  app = await startTestApp(testConfig({ KAFKA_CLIENT_ID: uniqueName("es"), EVENTSCOPE_LOOKBACK: "1m" }));
});

afterAll(async () => {
  await producer.disconnect();
  await app?.close();
  await deleteTestTopics([kept]);
});

describe("collector", () => {
  it("keeps reading the other topics after one it reads is deleted", async () => {
    for (const topic of [doomed, kept]) await producer.send({ topic, messages: [{ value: "before" }] });
    await eventually(
      async () => ((await count(doomed)) === 1 && (await count(kept)) === 1 ? true : undefined),
      20_000,
      "both topics read",
    );

    const watchingDoomed = await tail({ topic: doomed });
    const watchingAll = await tail({});

    await withAdmin((admin) => admin.deleteTopics({ topics: [doomed] }));
    const after = Date.now();
    await producer.send({ topic: kept, messages: Array.from({ length: 10 }, () => ({ value: "after" })) });
    await eventually(
      async () => ((await count(kept)) === 11 ? true : undefined),
      30_000,
      "the kept topic's new events",
    );
    expect(Date.now() - after).toBeLessThan(30_000);

    // The tail of everything streamed the kept topic's new events; the deleted topic's tail is still
    // connected and, switched to the kept topic, streams it.
    await eventually(
      async () => (watchingAll.values.filter((v) => v.includes("after")).length === 10 ? true : undefined),
      15_000,
      "the new events in the tail of everything",
    );
    expect(watchingDoomed.disconnected()).toBe(false);
    expect(await watchingDoomed.join({ topic: kept })).toMatchObject({ ok: true });
    await producer.send({ topic: kept, messages: [{ value: "switched" }] });
    await eventually(
      async () => (watchingDoomed.values.some((v) => v.includes("switched")) ? true : undefined),
      15_000,
      "the kept topic in the switched tail",
    );
    for (const t of [watchingDoomed, watchingAll]) t.socket.disconnect();

    // What was read of the deleted topic is still there to look at, until retention removes it.
    const res = await fetch(`${app.url}/api/events?topic=${encodeURIComponent(doomed)}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as EventsResponse).events.map((e) => e.preview)).toEqual(["before"]);
  });
});
