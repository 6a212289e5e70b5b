/**
 * A burst of 60,000 records of ~1.1 kB (about 70 MB, produced as fast as Kafka takes them) into an
 * Eventscope started with EVENTSCOPE_MEMORY_MB=128 is read at full speed, and the process's RSS stays within
 * the budget + 150 MB throughout: as sampled from /api/health while it reads, and as the OS's high-water
 * mark for the whole run (which no sample can miss). The server runs in a process of its own, started with
 * the heap limits `npm start` derives from the budget.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerChild, startServerChild } from "../../bench/support/server-child";
import type { HealthResponse } from "@/lib/api/health";
import { eventually } from "@/server/test-support/eventually";
import {
  createTestTopics,
  deleteTestTopics,
  testBrokers,
  testKafka,
  uniqueName,
} from "@/server/test-support/kafka";

const BUDGET_MB = 128;
const LIMIT_BYTES = (BUDGET_MB + 150) * 1024 * 1024;
const RECORDS = 60_000;
const PARTITIONS = 6;
/** Each partition gets RECORDS / PARTITIONS records: this is the offset of its last one. */
const LAST_OFFSET = RECORDS / PARTITIONS - 1;
const topic = uniqueName("memory-burst");
const body = "x".repeat(1_000);
let server: ServerChild | null = null;

async function produceBurst(): Promise<void> {
  const producer = testKafka().producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (let from = 0; from < RECORDS; from += 2_000) {
      const messages = Array.from({ length: 2_000 }, (_, k) => {
        const i = from + k;
        const trace = (i + 1).toString(16).padStart(32, "0");
        return {
          partition: i % PARTITIONS,
          key: `order-${i}`,
          value: JSON.stringify({ orderId: `order-${i}`, note: body }),
          headers: { traceparent: `00-${trace}-${"0".repeat(15)}1-01`, "correlation-id": `order-${i}` },
        };
      });
      await producer.send({ topic, messages, acks: 1 });
    }
  } finally {
    await producer.disconnect();
  }
}

beforeAll(async () => {
  await createTestTopics({ topic, numPartitions: PARTITIONS });
});

afterAll(async () => {
  await server?.stop();
  await deleteTestTopics([topic]);
});

describe("memory budget", () => {
  it("keeps RSS within EVENTSCOPE_MEMORY_MB + 150 MB while it reads a burst at full speed", async () => {
    server = await startServerChild(testBrokers(), {
      EVENTSCOPE_MEMORY_MB: String(BUDGET_MB),
      EVENTSCOPE_LOOKBACK: "1m",
    });
    const url = server.url;
    const samples: number[] = [];
    let budgetBytes = 0;
    let stopSampling = false;
    const sampling = (async () => {
      while (!stopSampling) {
        const answer = (await (await fetch(`${url}/api/health`)).json()) as HealthResponse;
        samples.push(answer.memory.rssBytes);
        budgetBytes = answer.memory.budgetBytes;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await produceBurst();
    const stored = (p: number) =>
      fetch(`${url}/api/events/${encodeURIComponent(`${topic}/${p}/${LAST_OFFSET}`)}`);
    await eventually(
      async () => {
        const answers = await Promise.all(Array.from({ length: PARTITIONS }, (_, p) => stored(p)));
        return answers.every((a) => a.status === 200) ? true : undefined;
      },
      240_000,
      "the last record of every partition of the burst to be stored",
    );
    stopSampling = true;
    await sampling;
    expect(budgetBytes).toBe(BUDGET_MB * 1024 * 1024);
    expect(samples.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...samples)).toBeLessThanOrEqual(LIMIT_BYTES);
    const { peakRss } = await server.stats();
    expect(peakRss).toBeGreaterThan(0);
    expect(peakRss).toBeLessThanOrEqual(LIMIT_BYTES);
  }, 300_000);
});
