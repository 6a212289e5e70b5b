/**
 * ingest-instances: collector ingest of the same records by 2 instances against 1, both over the
 * PostgreSQL store and Redis (a deployment of several instances). Per run: a fresh database and a fresh
 * collector group; the instances start as processes of their own, and the clock runs from when they all
 * listen until the store holds every record of the topic (so the second instance's group join and the
 * partitions' rebalance count against it, as in a real scale-out). All processes share this machine's
 * cores with PostgreSQL and the broker: the ratio says what a second instance adds here, not on a second
 * machine.
 */
import { randomUUID } from "node:crypto";
import { type ServerChild, startServerChild } from "../support/server-child";
import { TEST_REDIS_URL } from "@/server/test-support/cluster";
import { createTestDatabase, withDatabase } from "@/server/test-support/postgres";
import type { Benchmark } from "../support/benchmark";
import { figure } from "../support/figure";
import { createTopic, produceBulk } from "../support/kafka";
import { round, sleep } from "../support/stats";

const PARTITIONS = 6;

async function storedCount(url: string, topic: string): Promise<number> {
  return withDatabase(url, async (client) => {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM eventscope_events WHERE topic = $1",
      [topic],
    );
    return Number(rows[0]?.n ?? 0);
  });
}

/** Records per second `instances` instances store, from all of them listening to the last record stored. */
async function ingestRate(
  brokers: string[],
  topic: string,
  count: number,
  instances: number,
): Promise<number> {
  const db = await createTestDatabase("es_bench_instances");
  const id = randomUUID().slice(0, 8);
  const env = {
    KAFKA_CLIENT_ID: `bench-instances-${id}`,
    EVENTSCOPE_CLUSTER_NAME: `bench-instances-${id}`,
    EVENTSCOPE_STORE: db.url,
    EVENTSCOPE_REDIS_URL: TEST_REDIS_URL,
    EVENTSCOPE_LOOKBACK: "1h",
  };
  const children: ServerChild[] = [];
  try {
    children.push(
      ...(await Promise.all(Array.from({ length: instances }, () => startServerChild(brokers, env)))),
    );
    const began = performance.now();
    const deadline = began + 600_000;
    while ((await storedCount(db.url, topic)) < count) {
      if (performance.now() > deadline)
        throw new Error(`${instances} instance(s) did not store ${count} records in 10 min`);
      await sleep(250);
    }
    return count / ((performance.now() - began) / 1000);
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await db.drop();
  }
}

export const ingestInstancesBench: Benchmark = {
  name: "ingest-instances",
  description: "collector ingest into PostgreSQL with 2 instances vs 1, on the same records",
  async run({ smoke, repetitions, brokers, log }) {
    const count = smoke ? 3_000 : 100_000;
    const topic = `bench-instances-${randomUUID().slice(0, 8)}`;
    await createTopic(brokers, topic, PARTITIONS);
    await produceBulk(brokers, topic, count, (i) => ({
      key: `order-${i}`,
      value: JSON.stringify({ orderId: `order-${i}`, amount: i % 100 }),
      headers: {
        traceparent: `00-${i.toString(16).padStart(32, "0").replace(/^0/, "b")}-00f067aa0ba902b7-01`,
      },
    }));
    // Warm-up: one run of each, uncounted, so neither side pays for PostgreSQL's and the broker's cold caches
    // (not in a smoke run: its figures mean nothing, and each run starts server processes).
    if (!smoke) {
      await ingestRate(brokers, topic, count, 1);
      await ingestRate(brokers, topic, count, 2);
    }
    const one: number[] = [];
    const two: number[] = [];
    for (let rep = 0; rep < repetitions; rep++) {
      one.push(await ingestRate(brokers, topic, count, 1));
      two.push(await ingestRate(brokers, topic, count, 2));
      log(
        `run ${rep + 1}: 1 instance ${round(one.at(-1) ?? NaN)}/s, 2 instances ${round(two.at(-1) ?? NaN)}/s`,
      );
    }
    return {
      figures: [
        figure({
          name: `ingest of ${count} records into PostgreSQL by 2 instances`,
          unit: "records/s",
          result: two,
          baseline: one,
          baselineWhat: "1 instance, same records, same store",
        }),
      ],
      details: { count, partitions: PARTITIONS, repetitions },
    };
  },
};
