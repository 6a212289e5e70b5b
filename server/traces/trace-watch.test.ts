/** Live "trace changed" notices: a watched trace is told when it grows; one socket cannot watch without bound. */
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_WATCHES_PER_SOCKET } from "@/server/traces/trace-watch";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName } from "@/server/test-support/kafka";

let app: TestApp;
let socket: Socket;
const topic = uniqueName("watched");
const producer = testKafka().producer();
const traceOf = (n: number) => `4bf92f3577b34da6a3ce929d${n.toString(16).padStart(8, "0")}`;

beforeAll(async () => {
  await createTestTopics({ topic, numPartitions: 1 });
  await producer.connect();
  app = await startTestApp(testConfig({ KAFKA_CLIENT_ID: uniqueName("es"), EVENTSCOPE_LOOKBACK: "1m" }));
  socket = io(app.url, { transports: ["websocket"], extraHeaders: { origin: app.url } });
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
});

afterAll(async () => {
  socket?.disconnect();
  await app?.close();
  await producer.disconnect();
});

describe("the trace channel", () => {
  it(`notifies the first ${MAX_WATCHES_PER_SOCKET} traces a socket watches, and refuses watches beyond them`, async () => {
    const changed = new Set<string>();
    socket.on("trace:changed", ({ traceId }: { traceId: string }) => changed.add(traceId));
    const count = MAX_WATCHES_PER_SOCKET + 5;
    const acks: { ok: boolean }[] = [];
    for (let n = 1; n <= count; n++)
      acks.push(await socket.emitWithAck("channel:join", { channel: "trace", traceId: traceOf(n) }));
    expect(acks.filter((a) => a.ok)).toHaveLength(MAX_WATCHES_PER_SOCKET);
    await producer.send({
      topic,
      messages: [1, count].map((n) => ({
        value: "{}",
        headers: { traceparent: `00-${traceOf(n)}-00f067aa0ba902b7-01` },
      })),
    });
    await eventually(
      async () => (changed.has(traceOf(1)) ? true : undefined),
      15_000,
      "the first watched trace's notice",
    );
    await new Promise((r) => setTimeout(r, 1_500));
    expect(changed.has(traceOf(count))).toBe(false);
  });
});
