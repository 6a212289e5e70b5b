/**
 * ingest: 1M traced ~1 kB JSON records over 6 partitions, produced once, then read from the beginning by
 * (a) a bare kafkajs eachBatch consumer, (b) Kafka's Java consumer perf tool, (c) the Eventscope
 * collector storing everything with flow latency aggregated on the stored feed (as in production) and
 * (d) the same without flow latency — interleaved, three times each, after a warm-up of each.
 * Target: (c) ≥ 0.9 × (a). (c) against (d) is what flow latency costs, in records/s and CPU per record;
 * (e) times the aggregation alone, in this process, against (d)'s CPU per record.
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
const REPETITIONS = 3;

export const ingestBench: Benchmark = {
  name: "ingest",
  description: "collector ingest vs a bare kafkajs consumer and Kafka's Java consumer, 1M ~1 kB records",
  async run({ smoke, brokers, log }) {
    const count = smoke ? 10_000 : 1_000_000;
    const warmup = smoke ? 2_000 : 50_000;
    const topic = "bench-ingest";
    await createTopic(brokers, topic, PARTITIONS);
    const base = Date.now();
    const produced = await produceBulk(brokers, topic, count, (i) => tracedRecord(i, PARTITIONS, base + i));
    log(`produced ${count} records at ${round(produced)}/s`);

    await bareKafkajsRate(brokers, topic, warmup);
    await javaConsumerRate(brokers, topic, warmup);
    await collectorRate(brokers, warmup, { flowLatency: true });
    await collectorRate(brokers, warmup, { flowLatency: false });
    const bare: number[] = [];
    const java: number[] = [];
    const collector: CollectorRun[] = [];
    const withoutLatency: CollectorRun[] = [];
    for (let rep = 1; rep <= REPETITIONS; rep++) {
      bare.push(await bareKafkajsRate(brokers, topic, count));
      java.push(await javaConsumerRate(brokers, topic, count));
      collector.push(await collectorRate(brokers, count, { flowLatency: true }));
      withoutLatency.push(await collectorRate(brokers, count, { flowLatency: false }));
      const c = collector.at(-1)!;
      const w = withoutLatency.at(-1)!;
      log(
        `rep ${rep}: bare ${round(bare.at(-1)!)}/s, java ${round(java.at(-1)!)}/s, ` +
          `collector ${round(c.perSec)}/s (${round(c.cpuUsPerRecord)} µs CPU/record), ` +
          `without flow latency ${round(w.perSec)}/s (${round(w.cpuUsPerRecord)} µs CPU/record)`,
      );
    }
    aggregationCpuPerRecord(warmup);
    const aggregation = Array.from({ length: REPETITIONS }, () => aggregationCpuPerRecord(count));
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
          name: "flow latency aggregation: ingest rate",
          unit: "records/s",
          result: rates(collector),
          baseline: rates(withoutLatency),
          baselineWhat: "the same collector without the flows feature (no latency aggregation)",
        }),
        figure({
          name: "flow latency aggregation: CPU per record",
          unit: "µs CPU/record",
          result: cpu(collector),
          baseline: cpu(withoutLatency),
          baselineWhat: "the same collector without the flows feature (no latency aggregation)",
        }),
        figure({
          name: "flow latency aggregation alone: CPU per record",
          unit: "µs CPU/record",
          result: aggregation,
          baseline: cpu(withoutLatency),
          baselineWhat: "the whole collector without the flows feature (consume, decode, store)",
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
