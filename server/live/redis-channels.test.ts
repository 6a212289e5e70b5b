/**
 * Live updates through a real Redis: instances of one deployment hear each other, and a second deployment
 * (another EVENTSCOPE_CLUSTER_NAME) on the same Redis hears nothing of the first.
 */
import { randomUUID } from "node:crypto";
import { Server } from "socket.io";
import { afterEach, describe, expect, it } from "vitest";
import { attachRedisAdapter } from "@/server/live/redis-adapter";
import type { LiveIo } from "@/server/live/socket-server";
import { ingested } from "@/server/store/testing/ingested";
import { TEST_REDIS_URL } from "@/server/test-support/cluster";
import { eventually } from "@/server/test-support/eventually";
import { testLogger } from "@/server/test-support/silent-logger";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function instance(clusterName: string): Promise<{ io: LiveIo; heard: string[] }> {
  const io: LiveIo = new Server();
  const stopAdapter = await attachRedisAdapter(io, TEST_REDIS_URL, clusterName, testLogger());
  // Not attached to an HTTP server (these instances only talk to each other), so only Redis is let go.
  stops.push(stopAdapter);
  const heard: string[] = [];
  io.on("tail:events", (events) => heard.push(...events.map((e) => e.id)));
  return { io, heard };
}

describe("live updates shared through Redis", () => {
  it("reach the other instances of the same deployment and never another deployment's", async () => {
    const blue = `blue-${randomUUID().slice(0, 8)}`;
    const green = `green-${randomUUID().slice(0, 8)}`;
    const [blueReader, bluePeer, greenReader, greenPeer] = await Promise.all([
      instance(blue),
      instance(blue),
      instance(green),
      instance(green),
    ]);

    // The adapters subscribe to their channels a moment after they are attached, and an event published
    // before a peer subscribed is not delivered to it: each reader repeats its event until its peer heard it.
    await eventually(
      async () => {
        if (bluePeer.heard.length === 0)
          blueReader.io.serverSideEmit("tail:events", [ingested({ topic: "orders", offset: 42 }).summary]);
        if (greenPeer.heard.length === 0)
          greenReader.io.serverSideEmit("tail:events", [ingested({ topic: "payments", offset: 7 }).summary]);
        return bluePeer.heard.length > 0 && greenPeer.heard.length > 0 ? true : undefined;
      },
      15_000,
      "each deployment's other instance to hear its event",
    );
    // Redis delivers a message to every subscriber of its channel at once: had the other deployment been
    // subscribed, it would have heard the event by now (a short grace for its socket to be read).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(new Set(bluePeer.heard)).toEqual(new Set(["orders/0/42"]));
    expect(new Set(greenPeer.heard)).toEqual(new Set(["payments/0/7"]));
  });
});
