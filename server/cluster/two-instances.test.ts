import { randomBytes } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraceResponse } from "@/lib/api/traces";
import type { TailBatch } from "@/lib/live/contract-flows";
import { collectorAssignment, startTestCluster, type TestCluster } from "@/server/test-support/cluster";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName } from "@/server/test-support/kafka";

const PARTITIONS = 6;
const topic = uniqueName("cluster-orders");
const producer = testKafka().producer({ allowAutoTopicCreation: false });
let cluster: TestCluster;

beforeAll(async () => {
  // Created before the instances start, so their main readers (one group) share its partitions.
  await createTestTopics({ topic, numPartitions: PARTITIONS });
  await producer.connect();
  cluster = await startTestCluster();
  await eventually(
    async () => {
      const members = await collectorAssignment(cluster.config.kafka.clientId, topic);
      return members.length === 2 && members.every((p) => p.length > 0) ? members : undefined;
    },
    60_000,
    "both instances in the collector group, each with some of the topic's partitions",
  );
}, 90_000);

afterAll(async () => {
  await cluster?.close();
  await producer.disconnect();
});

describe("two instances over PostgreSQL, Redis and one collector group", () => {
  it("returns a trace produced across six partitions whole from either instance", async () => {
    const traceId = randomBytes(16).toString("hex");
    await producer.send({
      topic,
      messages: Array.from({ length: PARTITIONS }, (_, partition) => ({
        partition,
        value: JSON.stringify({ step: partition }),
        headers: { traceparent: `00-${traceId}-00f067aa0ba902b${partition}-01` },
      })),
    });
    for (const app of cluster.instances) {
      const trace = await eventually(
        async () => {
          const res = await fetch(`${app.url}/api/traces/${traceId}`);
          const body = res.ok ? ((await res.json()) as TraceResponse) : null;
          return body && body.trace.hops.length === PARTITIONS ? body : undefined;
        },
        30_000,
        `the whole trace from ${app.url}`,
      );
      expect(new Set(trace.trace.hops.map((h) => h.event.partition)).size).toBe(PARTITIONS);
    }
  });

  it("sends a socket on instance A the live events of the partitions instance B reads", async () => {
    const [a] = cluster.instances;
    const socket: Socket = io(a!.url, { transports: ["websocket"] });
    const seen = new Set<number>();
    socket.on("tail:batch", (batch: TailBatch) => {
      for (const e of batch.events) seen.add(e.partition);
    });
    try {
      const ack = await socket
        .timeout(5_000)
        .emitWithAck("channel:join", { channel: "tail", filter: { topic }, maxPerSec: 500 });
      expect(ack).toMatchObject({ ok: true });
      const members = await collectorAssignment(cluster.config.kafka.clientId, topic);
      // Each partition is read by one member only: A cannot have read every partition itself.
      expect(members.every((p) => p.length < PARTITIONS)).toBe(true);
      await eventually(
        async () => {
          await producer.send({
            topic,
            messages: Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, value: "{}" })),
          });
          return seen.size === PARTITIONS ? true : undefined;
        },
        30_000,
        "live events of all six partitions on instance A",
      );
    } finally {
      socket.disconnect();
    }
  });
});
