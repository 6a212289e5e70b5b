import { afterAll, describe, expect, it } from "vitest";
import { type ServerChild, startServerChild } from "../../bench/support/server-child";
import { collectorAssignment, TEST_REDIS_URL } from "@/server/test-support/cluster";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testBrokers, testKafka, uniqueName, withAdmin } from "@/server/test-support/kafka";
import { createTestDatabase, type TestDatabase, withDatabase } from "@/server/test-support/postgres";

const PARTITIONS = 6;
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const done of cleanup.reverse()) await done().catch(() => undefined);
});

/** Per partition: rows stored, lowest and highest offset. */
function storedOffsets(url: string, topic: string) {
  return withDatabase(url, async (client) => {
    const { rows } = await client.query<{ part: number; n: string; lo: string; hi: string }>(
      `SELECT part, count(*) AS n, min(off) AS lo, max(off) AS hi FROM eventscope_events
       WHERE topic = $1 GROUP BY part ORDER BY part`,
      [topic],
    );
    return rows.map((r) => ({ partition: r.part, count: Number(r.n), lo: Number(r.lo), hi: Number(r.hi) }));
  });
}

describe("an instance killed under a steady stream", () => {
  it("leaves its partitions to the other within 45 s, and the store holds every offset of the stream", async () => {
    const topic = uniqueName("cluster-steady");
    await createTestTopics({ topic, numPartitions: PARTITIONS });
    const db: TestDatabase = await createTestDatabase("es_takeover");
    cleanup.push(() => db.drop());
    const clientId = uniqueName("es-takeover");
    const env = {
      KAFKA_CLIENT_ID: clientId,
      EVENTSCOPE_CLUSTER_NAME: clientId,
      EVENTSCOPE_STORE: db.url,
      EVENTSCOPE_REDIS_URL: TEST_REDIS_URL,
      EVENTSCOPE_LOOKBACK: "1m",
    };
    const start = async () => {
      const child: ServerChild = await startServerChild(testBrokers(), env);
      cleanup.push(() => child.stop());
      return child;
    };
    const a = await start();
    await start();
    await eventually(
      async () => {
        const members = await collectorAssignment(clientId, topic);
        return members.length === 2 && members.every((p) => p.length > 0) ? true : undefined;
      },
      60_000,
      "both instances sharing the topic's partitions",
    );

    const producer = testKafka().producer({ allowAutoTopicCreation: false });
    await producer.connect();
    let producing = true;
    let sent = 0;
    const stream = (async () => {
      while (producing) {
        await producer.send({
          topic,
          messages: Array.from({ length: PARTITIONS * 5 }, (_, i) => ({
            partition: i % PARTITIONS,
            value: JSON.stringify({ n: sent + i }),
          })),
        });
        sent += PARTITIONS * 5;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    cleanup.push(async () => {
      producing = false;
      await stream.catch(() => undefined);
      await producer.disconnect();
    });
    await new Promise((r) => setTimeout(r, 3_000));
    process.kill(a.pid, "SIGKILL");
    const killedAt = Date.now();
    // The survivor owns every partition once records produced after the kill are stored on each of them.
    const atKill = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
    let stored: Awaited<ReturnType<typeof storedOffsets>> = [];
    await eventually(
      async () => {
        stored = await storedOffsets(db.url, topic);
        const caughtUp = atKill.every((end) =>
          stored.some((p) => p.partition === end.partition && p.hi >= Number(end.high)),
        );
        return caughtUp ? true : undefined;
      },
      45_000,
      "records produced after the kill stored on every partition",
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}: stored ${JSON.stringify(stored)}, at the kill ${JSON.stringify(atKill)}`,
      );
    });
    expect(Date.now() - killedAt).toBeLessThan(45_000);
    await new Promise((r) => setTimeout(r, 3_000));
    producing = false;
    await stream;

    const ends = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
    const expected = ends
      .map((e) => ({ partition: e.partition, count: Number(e.high), lo: 0, hi: Number(e.high) - 1 }))
      .sort((x, y) => x.partition - y.partition);
    expect(expected.reduce((n, e) => n + e.count, 0)).toBe(sent);
    await eventually(
      async () => {
        stored = await storedOffsets(db.url, topic);
        return JSON.stringify(stored) === JSON.stringify(expected) ? true : undefined;
      },
      30_000,
      "every offset of every partition in the store, none missing",
    ).catch((error: Error) => {
      throw new Error(`${error.message}: stored ${JSON.stringify(stored)}, sent ${JSON.stringify(expected)}`);
    });
  }, 180_000);
});
