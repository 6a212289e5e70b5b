/**
 * sustained: 5,000 events/s for 10 minutes into a running Eventscope (its own process), sampling every
 * 10 s the collector's lag (seconds of traffic it is behind), the server's RSS, heap and memory outside the
 * heap; a bare kafkajs consumer reads the same stream alongside as the lag baseline. At the end, every trace
 * produced in the first minute must still be found by `GET /api/traces/:id`. One long run: its samples are
 * the spread. The server runs with the default memory budget (EVENTSCOPE_MEMORY_MB) and the heap limits
 * `npm start` derives from it.
 * Targets: lag ≤ 5 s throughout; RSS ≤ 600 MB and flat after the first minute (never more than 10% above
 * the sample at one minute); the highest RSS of the whole run (the OS's high-water mark, not a sample) ≤
 * the budget + 150 MB; every first-minute trace found.
 */
import { DEFAULT_MEMORY_MB } from "@/server/memory-budget";
import type { Benchmark } from "./support/benchmark";
import { figure } from "./support/figure";
import { createTopic, produceAtRate } from "./support/kafka";
import { HOPS, traceIdOf, tracedRecord } from "./support/records";
import { startServerChild } from "./support/server-child";
import { round, sleep } from "./support/stats";
import { startCountingConsumer } from "./sustained-baseline";

const PARTITIONS = 6;
const MB = 1024 * 1024;

interface Sample {
  atSec: number;
  lagSec: number;
  baselineLagSec: number;
  rssMb: number;
  heapMb: number;
  heapTotalMb: number;
  externalMb: number;
}

export const sustainedBench: Benchmark = {
  name: "sustained",
  description:
    "5,000 events/s for 10 min: collector lag, RSS and heap every 10 s, first-minute traces at the end",
  async run({ smoke, brokers, log }) {
    const rate = smoke ? 500 : 5_000;
    const seconds = smoke ? 10 : 600;
    const everySec = smoke ? 1 : 10;
    const firstMinuteSec = smoke ? 3 : 60;
    const topic = "bench-sustained";
    await createTopic(brokers, topic, PARTITIONS);
    const budgetMb = DEFAULT_MEMORY_MB;
    const server = await startServerChild(brokers, {
      EVENTSCOPE_LOOKBACK: "1m",
      EVENTSCOPE_MEMORY_MB: String(budgetMb),
    });
    const baseline = await startCountingConsumer(brokers, topic);
    const producer = await produceAtRate(brokers, topic, rate, (i) => tracedRecord(i, PARTITIONS));
    const began = performance.now();
    const samples: Sample[] = [];
    let firstMinuteRecords = 0;
    try {
      for (let at = everySec; at <= seconds; at += everySec) {
        await sleep(began + at * 1000 - performance.now());
        const stats = await server.stats();
        const sent = producer.sent();
        if (at <= firstMinuteSec) firstMinuteRecords = sent;
        samples.push({
          atSec: at,
          lagSec: round(Math.max(0, sent - stats.collector.eventsRead) / rate),
          baselineLagSec: round(Math.max(0, sent - baseline.consumed()) / rate),
          rssMb: round(stats.rss / MB),
          heapMb: round(stats.heapUsed / MB),
          heapTotalMb: round(stats.heapTotal / MB),
          externalMb: round(stats.external / MB),
        });
        if (at % 60 === 0 || smoke) log(`${at} s: ${JSON.stringify(samples.at(-1))}`);
      }
      await producer.stop();
      const peakRssMb = round((await server.stats()).peakRss / MB);
      const traces = Math.floor(firstMinuteRecords / HOPS);
      const step = Math.max(1, Math.floor(traces / 1_000));
      let checked = 0;
      let found = 0;
      for (let t = 0; t < traces; t += step) {
        checked++;
        const res = await fetch(`${server.url}/api/traces/${traceIdOf(t)}`);
        await res.arrayBuffer();
        if (res.status === 200) found++;
      }
      const afterFirstMinute = samples.filter((s) => s.atSec > firstMinuteSec);
      const atOneMinute = samples.filter((s) => s.atSec <= firstMinuteSec).at(-1) ?? samples[0];
      const maxOf = (xs: number[]) => Math.max(...xs);
      return {
        figures: [
          figure({
            name: `max collector lag at ${rate} events/s over ${seconds} s`,
            unit: "s",
            result: [maxOf(samples.map((s) => s.lagSec))],
            baseline: [maxOf(samples.map((s) => s.baselineLagSec))],
            baselineWhat: "bare kafkajs consumer on the same stream, max lag",
            target: { text: "≤ 5 s throughout", met: ({ result }) => result.median <= 5 },
          }),
          figure({
            name: "server RSS after the first minute (max)",
            unit: "MB",
            result: [maxOf(afterFirstMinute.map((s) => s.rssMb))],
            baseline: [atOneMinute?.rssMb ?? NaN],
            baselineWhat: "RSS at one minute",
            target: {
              text: "≤ 600 MB and ≤ 1.1 × the one-minute RSS",
              met: ({ result, ratio }) => result.median <= 600 && ratio.median <= 1.1,
            },
          }),
          figure({
            name: "server peak RSS over the run (the OS's high-water mark)",
            unit: "MB",
            result: [peakRssMb],
            baseline: [budgetMb],
            baselineWhat: "EVENTSCOPE_MEMORY_MB",
            target: {
              text: `≤ the budget + 150 MB (${budgetMb + 150} MB)`,
              met: ({ result }) => result.median <= budgetMb + 150,
            },
          }),
          figure({
            name: "server heap after the first minute (max)",
            unit: "MB",
            result: [maxOf(afterFirstMinute.map((s) => s.heapMb))],
            baseline: [atOneMinute?.heapMb ?? NaN],
            baselineWhat: "heap at one minute",
          }),
          figure({
            name: "first-minute traces found at the end",
            unit: "traces",
            result: [found],
            baseline: [checked],
            baselineWhat: "first-minute traces looked up (an even sample)",
            target: { text: "every one found", met: ({ ratio }) => ratio.median === 1 },
          }),
        ],
        details: {
          rate,
          seconds,
          budgetMb,
          sampleEverySec: everySec,
          produced: producer.sent(),
          peakRssMb,
          samples,
        },
      };
    } finally {
      await producer.stop().catch(() => undefined);
      await baseline.stop();
      await server.stop();
    }
  },
};
