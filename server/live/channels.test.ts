/**
 * Live channels over a real socket.io client against the real server wiring: every view is joined the same
 * way, so a malformed join is refused, a socket cannot hold more than a channel's bound, and leaving or
 * disconnecting gives back what the socket held.
 */
import { io, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ChannelJoinResult, ChannelRequest } from "@/lib/live/contract-channels";
import type { TailBatch } from "@/lib/live/contract-flows";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/live/socket-contract";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName } from "@/server/test-support/kafka";

type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: TestApp;
const sockets: LiveClient[] = [];
const topic = uniqueName("channels");
const producer = testKafka().producer();

async function connect(): Promise<LiveClient> {
  const socket: LiveClient = io(app.url, { transports: ["websocket"], reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

const join = (socket: LiveClient, request: unknown): Promise<ChannelJoinResult> =>
  socket.timeout(5_000).emitWithAck("channel:join", request as ChannelRequest);

const lag = (n: number): ChannelRequest => ({ channel: "lag", group: `${topic}-group-${n}` });

/** Joins the test topic's tail and produces until a batch with events arrives; returns every batch seen. */
async function tailUntilBatch(socket: LiveClient): Promise<TailBatch[]> {
  const batches: TailBatch[] = [];
  socket.on("tail:batch", (batch) => batches.push(batch));
  expect(await join(socket, { channel: "tail", filter: { topic } })).toMatchObject({ ok: true });
  await eventually(
    async () => {
      await producer.send({ topic, messages: [{ value: "while joined" }] });
      return batches.some((b) => b.events.length > 0) ? true : undefined;
    },
    20_000,
    "a tail batch with events",
  );
  return batches;
}

beforeAll(async () => {
  await createTestTopics({ topic, numPartitions: 1 });
  await producer.connect();
  app = await startTestApp(testConfig({ KAFKA_CLIENT_ID: uniqueName("es"), EVENTSCOPE_LOOKBACK: "1m" }));
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

afterAll(async () => {
  await app?.close();
  await producer.disconnect();
});

describe("joining a channel", () => {
  it.each([
    ["not an object", "tail"],
    ["an unknown channel", { channel: "secrets" }],
    ["a tail filter that is too long", { channel: "tail", filter: { topic: "t".repeat(300) } }],
    ["a tail cap that is not a number", { channel: "tail", filter: {}, maxPerSec: "all" }],
    ["a lag group that is a number", { channel: "lag", group: 42 }],
    ["an empty trace id", { channel: "trace", traceId: "" }],
    ["a 10 kB trace id", { channel: "trace", traceId: "a".repeat(10_000) }],
  ])("refuses %s with a reason, and the socket stays usable", async (_name, request) => {
    const socket = await connect();
    const refused = await join(socket, request);
    expect(refused).toEqual({ ok: false, error: expect.stringContaining("invalid channel request") });
    expect(await join(socket, { channel: "flows" })).toEqual({ ok: true, channel: "flows", reply: {} });
  });

  it("survives a join without an acknowledgement callback", async () => {
    const socket = await connect();
    socket.emit("channel:join", { channel: "dlq" } as ChannelRequest, undefined as never);
    expect(await join(socket, { channel: "dlq" })).toMatchObject({ ok: true, channel: "dlq" });
  });
});

describe("the per-socket bound", () => {
  it("refuses a join beyond a channel's bound on that socket only, and replaces a join of the same view", async () => {
    const [first, second] = [await connect(), await connect()];
    for (let n = 0; n < 8; n++) expect(await join(first, lag(n))).toMatchObject({ ok: true });
    expect(await join(first, lag(8))).toEqual({
      ok: false,
      error: 'at most 8 "lag" channels per connection',
    });
    // The same view again is a replacement, not one more.
    expect(await join(first, lag(0))).toMatchObject({ ok: true });
    expect(await join(second, lag(8))).toMatchObject({ ok: true });
    // One tail per socket: a new filter replaces the old one.
    expect(await join(first, { channel: "tail", filter: { topic: "a" } })).toMatchObject({ ok: true });
    expect(await join(first, { channel: "tail", filter: { topic: "b" } })).toMatchObject({ ok: true });
  });
});

describe("leaving", () => {
  it("gives the slot back and stops the view's pushes", async () => {
    const socket = await connect();
    for (let n = 0; n < 8; n++) await join(socket, lag(n));
    socket.emit("channel:leave", lag(3));
    expect(await join(socket, lag(9))).toMatchObject({ ok: true });

    const batches = await tailUntilBatch(socket);
    socket.emit("channel:leave", { channel: "tail", filter: { topic } });
    // The leave and any batch already on the wire settle first.
    await new Promise((r) => setTimeout(r, 500));
    const before = batches.length;
    await producer.send({ topic, messages: Array.from({ length: 20 }, () => ({ value: "after leave" })) });
    await new Promise((r) => setTimeout(r, 2_000));
    expect(batches.length).toBe(before);
  });

  it("keeps no copy of the tail batches it has sent (memory stays bounded under a fast tail)", async () => {
    await tailUntilBatch(await connect());
    // socket.io's connection-state recovery would hold every packet sent in its adapter for minutes.
    const adapter = app.context.io.of("/").adapter as unknown as { packets?: unknown[] };
    expect(adapter.packets ?? []).toHaveLength(0);
  });

  it("on disconnect, releases every view the socket held", async () => {
    const socket = await connect();
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    await join(socket, { channel: "trace", traceId });
    await join(socket, lag(1));
    const channels = app.context.io.channels;
    expect(channels.hasMembers(`trace:${traceId}`)).toBe(true);
    socket.disconnect();
    await eventually(
      async () =>
        !channels.hasMembers(`trace:${traceId}`) && !channels.hasMembers(`lag:group:${topic}-group-1`)
          ? true
          : undefined,
      5_000,
      "the rooms to be released",
    );
  });
});
