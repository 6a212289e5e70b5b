/**
 * The store and the collector across a restart, against the real broker: the second run continues at the
 * stored positions, so every offset of every partition is read exactly once over both runs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveDecodeOptions } from "@/lib/decode";
import { parsePartitionKey } from "@/lib/model/record-id";
import { startCollector } from "@/server/collector/collector";
import { openEventStore } from "@/server/store/open-store";
import { StoreWriter } from "@/server/store/store-writer";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName } from "@/server/test-support/kafka";
import { testLogger } from "@/server/test-support/silent-logger";

const PARTITIONS = 6;
const dir = mkdtempSync(path.join(tmpdir(), "es-restart-"));
const topic = uniqueName("restart");
const producer = testKafka().producer();
const config = testConfig({
  EVENTSCOPE_STORE: "embedded",
  EVENTSCOPE_DATA_DIR: dir,
  KAFKA_CLIENT_ID: uniqueName("es"),
});

beforeAll(async () => {
  await createTestTopics({ topic, numPartitions: PARTITIONS });
  await producer.connect();
});
afterAll(async () => {
  await producer.disconnect();
  rmSync(dir, { recursive: true, force: true });
});

async function produce(from: number, count: number): Promise<void> {
  const messages = Array.from({ length: count }, (_, i) => ({
    key: `k-${from + i}`,
    value: `{"n":${from + i}}`,
  }));
  for (let i = 0; i < messages.length; i += 500)
    await producer.send({ topic, messages: messages.slice(i, i + 500) });
}

/** One Eventscope run over the test topic: reads until `total` events are stored, then stops cleanly. */
async function run(total: number, reads: Map<string, number>): Promise<void> {
  const store = await openEventStore(config.store);
  const writer = new StoreWriter(store, testLogger());
  const collector = await startCollector({
    config,
    logger: testLogger(),
    ingestOptions: { decode: resolveDecodeOptions({}), dlqPatterns: [] },
    positions: store.positions(),
    includeTopic: (t) => t === topic,
    onBatch(events, key, next) {
      for (const { summary } of events) reads.set(summary.id, (reads.get(summary.id) ?? 0) + 1);
      return writer.push(events, key, next);
    },
  });
  try {
    await eventually(
      async () => ((await store.topicCounts()).get(topic) === total ? true : undefined),
      45_000,
      `${total} events stored`,
    );
  } finally {
    await collector.stop();
    await writer.stop();
    await store.close();
  }
}

describe("event store across a restart", () => {
  it("continues where it stopped: every offset of every partition read once, none skipped", async () => {
    const reads = new Map<string, number>();
    await produce(0, 3_000);
    await run(3_000, reads);
    await produce(3_000, 2_000);
    await run(5_000, reads);

    const reopened = await openEventStore(config.store);
    const perPartition = new Map<number, number[]>();
    for (const id of reads.keys()) {
      const [, partition, offset] = id.split("/").map(Number);
      perPartition.set(partition!, [...(perPartition.get(partition!) ?? []), offset!]);
    }
    let total = 0;
    for (const [partition, offsets] of perPartition) {
      offsets.sort((a, b) => a - b);
      // Offsets of a partition are 0..n-1 with no gap; the stored position is n.
      expect(offsets).toEqual(offsets.map((_, i) => i));
      expect(reopened.positions().get(`${topic}/${partition}`)).toBe(String(offsets.length));
      total += offsets.length;
    }
    expect(total).toBe(5_000);
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
    expect([...reopened.positions().keys()].map((k) => parsePartitionKey(k).topic)).toEqual(
      Array(PARTITIONS).fill(topic),
    );
    await reopened.close();
  });
});
