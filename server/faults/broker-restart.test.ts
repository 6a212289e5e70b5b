/**
 * The broker dies under a steady stream — killed outright (SIGKILL, as the OOM killer or a lost VM does)
 * and stopped cleanly (SIGTERM, as a rolling restart does) — and comes back. The collector must read
 * again within 15 s of the broker answering, say "catching up" in /api/health until it has read what was
 * written meanwhile and "running" after, and the store must hold every offset of the stream exactly once.
 * The broker is this file's own (port 19350): killing the shared one would break every other test.
 */
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventsResponse } from "@/lib/api/events";
import type { HealthResponse } from "@/lib/api/health";
import { collectorFeature } from "@/server/collector/collector-feature";
import { healthFeature } from "@/server/http/health-routes";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTopicsOn, uniqueName } from "@/server/test-support/kafka";
import { type OwnBroker, startOwnBroker } from "@/server/test-support/own-broker";
import { type SteadyStream, startSteadyStream } from "@/server/test-support/steady-stream";

const PORT = Number(process.env.EVENTSCOPE_FAULTS_BROKER_PORT ?? 19350);
const PARTITIONS = 3;
const topic = uniqueName("restart-stream");
let broker: OwnBroker;
const clientId = uniqueName("es-restart");
let app: TestApp;
let appClosed = false;
let stream: SteadyStream;

const health = async () => (await (await fetch(`${app.url}/api/health`)).json()) as HealthResponse;
const stored = async () =>
  ((await (await fetch(`${app.url}/api/events?topic=${topic}&limit=1000`)).json()) as EventsResponse).events;

beforeAll(async () => {
  broker = await startOwnBroker(`kafka-faults-${PORT}`, PORT);
  await createTopicsOn([broker.address], [{ topic, numPartitions: PARTITIONS }]);
  app = await startTestApp(
    testConfig({
      KAFKA_BROKERS: broker.address,
      KAFKA_CLIENT_ID: clientId,
      EVENTSCOPE_LOOKBACK: "1m",
    }),
    { collector: collectorFeature, health: healthFeature },
  );
  stream = await startSteadyStream(broker.kafka(), topic, PARTITIONS);
}, 120_000);

afterAll(async () => {
  await stream?.stop();
  if (!appClosed) await app?.close();
  await broker?.remove();
});

/** The collector states /api/health reports (polled every 100 ms) and the socket pushes, in order. */
function watchStates() {
  const polled: string[] = [];
  const pushed: string[] = [];
  const note = (list: string[], state: string) => {
    if (list.at(-1) !== state) list.push(state);
  };
  const socket: Socket = io(app.url, { transports: ["websocket"] });
  socket.on("collector:state", (state: string) => note(pushed, state));
  let watching = true;
  const polling = (async () => {
    while (watching) {
      await health()
        .then((h) => note(polled, h.collector?.state ?? "none"))
        .catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    polled,
    pushed,
    async stop() {
      watching = false;
      await polling;
      socket.disconnect();
    },
  };
}

/**
 * Kills the broker with `signal` mid-stream, starts it again, and returns how long after it answered the
 * collector stored a record produced after that, with the collector states seen meanwhile.
 */
async function outage(signal: "SIGKILL" | "SIGTERM") {
  // The collector reads the stream before the broker goes: at least 20 records sent and stored.
  await eventually(
    async () => {
      const sent = stream.sent();
      return sent >= 20 && (await stored()).length >= sent ? true : undefined;
    },
    30_000,
    "the stream stored",
  );
  const states = watchStates();
  try {
    await broker.kill(signal);
    await eventually(
      async () => ((await health()).broker.state === "down" ? true : undefined),
      10_000,
      "broker down",
    );
    await new Promise((r) => setTimeout(r, 1_000));
    const backAt = await broker.restart();
    const firstAfter = await eventually(
      async () => stream.firstSentAfter(backAt),
      30_000,
      "a record sent after the restart",
    );
    const storedAt = await eventually(
      async () =>
        (await stored()).some((e) => e.partition === firstAfter.partition && e.offset === firstAfter.offset)
          ? Date.now()
          : undefined,
      60_000,
      "the first record sent after the restart in the store",
    );
    await eventually(
      async () =>
        states.polled.at(-1) === "running" && states.pushed.at(-1) === "running" ? true : undefined,
      30_000,
      "the collector running again",
    );
    return { recoveredMs: storedAt - backAt, polled: states.polled, pushed: states.pushed };
  } finally {
    await states.stop();
  }
}

describe("broker killed and restarted under a steady stream", () => {
  it.each(["SIGKILL", "SIGTERM"] as const)(
    "after %s: new records stored within 15 s of the broker answering; /api/health and the socket say 'catching-up', then 'running'",
    async (signal) => {
      const { recoveredMs, polled, pushed } = await outage(signal);
      expect(recoveredMs, `stored again ${recoveredMs} ms after the broker answered`).toBeLessThanOrEqual(
        15_000,
      );
      expect(polled).toEqual(["running", "degraded", "catching-up", "running"]);
      expect(pushed).toEqual(["degraded", "catching-up", "running"]);
    },
    150_000,
  );

  it("holds every offset of the stream exactly once after both outages", async () => {
    await stream.stop();
    const ends = await broker.withAdmin((admin) => admin.fetchTopicOffsets(topic));
    const expected = ends
      .map((e) => `${e.partition}:0-${Number(e.high) - 1}`)
      .sort()
      .join(" ");
    let seen = "";
    await eventually(
      async () => {
        const events = await stored();
        const byPartition = new Map<number, number[]>();
        for (const e of events)
          byPartition.set(e.partition, [...(byPartition.get(e.partition) ?? []), Number(e.offset)]);
        // Each partition's offsets, sorted: a gap or a duplicate breaks the run "lo-hi" with length hi-lo+1.
        seen = [...byPartition]
          .map(([p, offsets]) => {
            offsets.sort((a, b) => a - b);
            const contiguous = offsets.every((o, i) => o === offsets[0]! + i);
            return contiguous ? `${p}:${offsets[0]}-${offsets.at(-1)}` : `${p}:broken(${offsets.join(",")})`;
          })
          .sort()
          .join(" ");
        return seen === expected ? true : undefined;
      },
      30_000,
      "every offset stored once",
    ).catch((error: Error) => {
      throw new Error(`${error.message}: stored ${seen}, log ${expected}`);
    });
  }, 60_000);
  it("stops within 5 s while the broker is down, and its consumer does not come back with the broker", async () => {
    await broker.kill("SIGKILL");
    await eventually(
      async () => ((await health()).broker.state === "down" ? true : undefined),
      10_000,
      "broker down",
    );
    // kafkajs is now restarting the collector's consumer over and over, each try retrying for seconds.
    await new Promise((r) => setTimeout(r, 2_000));
    const stopping = Date.now();
    await app.close();
    appClosed = true;
    expect(Date.now() - stopping).toBeLessThan(5_000);
    await broker.restart();
    // A restart under way at the stop would join once the broker is back (after the old member's 8 s).
    await new Promise((r) => setTimeout(r, 12_000));
    const { groups } = await broker.withAdmin((admin) => admin.describeGroups([`${clientId}-collector`]));
    expect(groups[0]?.members ?? []).toEqual([]);
  }, 60_000);
});
