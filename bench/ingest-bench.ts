/**
 * Collector ingest overhead: the time the real collector (consume + decode + index) needs to read M records
 * vs a bare kafkajs consumer (eachBatch doing nothing) reading the same topic, on the same broker, same run.
 */
import { Kafka, logLevel } from "kafkajs";
import pino from "pino";
import { startCollector } from "@/server/collector/collector";
import { loadConfig } from "@/server/config";
import { MemoryEventStore } from "@/server/index/memory-event-store";
import { round } from "./stats";
import { syntheticRecord } from "./synthetic-events";

const brokers = (process.env.KAFKA_BROKERS ?? "127.0.0.1:9092").split(",");
const kafka = new Kafka({ clientId: "eventscope-bench", brokers, logLevel: logLevel.NOTHING });

async function produce(topic: string, m: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < m; i += 1000) {
    const messages = Array.from({ length: Math.min(1000, m - i) }, (_, k) => {
      const r = syntheticRecord(i + k);
      return {
        value: Buffer.from(r.value),
        headers: Object.fromEntries(r.headers.map((h) => [h.key, Buffer.from(h.value ?? [])])),
      };
    });
    await producer.send({ topic, messages });
  }
  await producer.disconnect();
}

async function bareConsumerMs(topic: string, m: number): Promise<number> {
  const consumer = kafka.consumer({ groupId: `bench-bare-${Date.now()}`, maxWaitTimeInMs: 250 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let seen = 0;
  let first = 0;
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        if (seen === 0) first = performance.now();
        seen += batch.messages.length;
        if (seen >= m) resolve();
      },
    });
  });
  const ms = performance.now() - first;
  await consumer.disconnect();
  return ms;
}

async function collectorMs(topic: string, m: number): Promise<number> {
  const config = loadConfig({
    KAFKA_BROKERS: brokers.join(","),
    KAFKA_CLIENT_ID: `bench-${Date.now()}`,
    EVENTSCOPE_LOOKBACK: "1h",
  });
  const store = new MemoryEventStore(config.indexMemoryBytes * 4);
  let seen = 0;
  let first = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((r) => (done = r));
  const collector = await startCollector({
    config,
    logger: pino({ level: "silent" }),
    includeTopic: (t) => t === topic,
    onEvent(e) {
      if (seen === 0) first = performance.now();
      store.add(e);
      if (++seen >= m) done();
    },
  });
  await finished;
  const ms = performance.now() - first;
  await collector.stop();
  return ms;
}

export async function runIngestBench(m: number): Promise<Record<string, unknown>> {
  const topic = `bench-ingest-${Date.now()}`;
  await produce(topic, m);
  const bare = await bareConsumerMs(topic, m);
  const collector = await collectorMs(topic, m);
  return {
    records: m,
    bareKafkajsMs: round(bare, 0),
    collectorMs: round(collector, 0),
    bareRecordsPerSec: round(m / (bare / 1000), 0),
    collectorRecordsPerSec: round(m / (collector / 1000), 0),
    overheadRatio: round(collector / bare, 2),
    note: "first record to last record of one topic, after start-up, for both; the collector decodes and indexes each",
  };
}
