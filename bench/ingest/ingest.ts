/**
 * ingest: 1M traced ~1 kB JSON records over 6 partitions, produced once, then read from the beginning by
 * (a) a bare kafkajs eachBatch consumer, (b) Kafka's Java consumer perf tool and (c) the Eventscope
 * collector storing everything with flow latency aggregated on the stored feed (as in production) —
 * interleaved, three times each, after a warm-up of each. Target: (c) ≥ 0.9 × (a). What flow latency
 * costs is (d): the aggregation alone, timed in this process on the same records, against (c)'s CPU per
 * record. (Running (c) a second time without the flows feature would say the same at the price of three
 * more 1M-record collector runs, about a quarter of the benchmark's time.)
 */
import type { Benchmark } from "../support/benchmark";
import { figure } from "../support/figure";
import { createTopic, produceBulk } from "../support/kafka";
import { tracedRecord } from "../support/records";
import { round } from "../support/stats";
import { bareKafkajsRate } from "./bare-consumer";
import { aggregationCpuPerRecord } from "./aggregation-cost";
import { type CollectorRun, collectorRate } from "./collector-run";
import { javaConsumerRate } from "./java-consumer-perf";

const PARTITIONS = 6;

export const ingestBench: Benchmark = {
  name: "ingest",
  description: "collector ingest vs a bare kafkajs consumer and Kafka's Java consumer, 1M ~1 kB records",
  async run({ smoke, repetitions, brokers, log }) {
    const count = smoke ? 10_000 : 1_000_000;
    const warmup = smoke ? 2_000 : 50_000;
    const topic = "bench-ingest";
    await createTopic(brokers, topic, PARTITIONS);
    const base = Date.now();
    const produced = await produceBulk(brokers, topic, count, (i) => tracedRecord(i, PARTITIONS, base + i));
    log(`produced ${count} records at ${round(produced)}/s`);

    await bareKafkajsRate(brokers, topic, warmup);
    await javaConsumerRate(brokers, topic, warmup);
    await collectorRate(brokers, warmup);
    const bare: number[] = [];
    const java: number[] = [];
    const collector: CollectorRun[] = [];
    for (let rep = 1; rep <= repetitions; rep++) {
      bare.push(await bareKafkajsRate(brokers, topic, count));
      java.push(await javaConsumerRate(brokers, topic, count));
      collector.push(await collectorRate(brokers, count));
      const c = collector.at(-1)!;
      log(
        `rep ${rep}: bare ${round(bare.at(-1)!)}/s, java ${round(java.at(-1)!)}/s, ` +
          `collector ${round(c.perSec)}/s (${round(c.cpuUsPerRecord)} µs CPU/record)`,
      );
    }
    aggregationCpuPerRecord(warmup);
    const aggregation = Array.from({ length: repetitions }, () => aggregationCpuPerRecord(count));
    log(`flow latency aggregation alone: ${aggregation.map((a) => round(a)).join(", ")} µs CPU/record`);
    const rates = (runs: CollectorRun[]) => runs.map((r) => r.perSec);
    const cpu = (runs: CollectorRun[]) => runs.map((r) => r.cpuUsPerRecord);
    return {
      figures: [
        figure({
          name: "collector ingest (consume + decode + store + flow latency)",
          unit: "records/s",
          result: rates(collector),
          baseline: bare,
          baselineWhat: "bare kafkajs eachBatch consumer, nothing per record",
          target: { text: "≥ 0.9 × bare kafkajs", met: ({ ratio }) => ratio.median >= 0.9 },
        }),
        figure({
          name: "bare kafkajs consumer",
          unit: "records/s",
          result: bare,
          baseline: java,
          baselineWhat: "Kafka's Java ConsumerPerformance (this machine's ceiling)",
        }),
        figure({
          name: "flow latency aggregation alone: CPU per record",
          unit: "µs CPU/record",
          result: aggregation,
          baseline: cpu(collector),
          baselineWhat: "the whole collector (consume, decode, store, flow latency), every thread",
        }),
        figure({
          name: "collector ingest vs the Java ceiling",
          unit: "records/s",
          result: rates(collector),
          baseline: java,
          baselineWhat: "Kafka's Java ConsumerPerformance",
        }),
      ],
      details: {
        records: count,
        partitions: PARTITIONS,
        recordBytes: "~1 kB",
        producedPerSec: round(produced),
      },
    };
  },
};
