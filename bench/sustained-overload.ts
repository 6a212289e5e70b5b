/**
 * overload: more than Eventscope ingests — 12,000 events/s for 60 s into a running Eventscope (its own
 * process, the default memory budget and the heap limits `npm start` derives from it). The collector falls
 * behind and reads as fast as the store writes; the memory it uses must not grow with how far behind it is.
 * Samples every second: RSS, heap, memory outside the heap, events read. The figure is the process's
 * highest RSS over the run as the OS counts it (VmHWM), so a peak between samples is not missed.
 * Target: peak RSS ≤ the budget + 150 MB. Also reported: the rate the collector read at while overloaded,
 * and the event loop's longest delay in each second (GC pauses, decoding a fetch) against the idle server's.
 */
import { DEFAULT_MEMORY_MB } from "@/server/memory-budget";
import type { Benchmark } from "./support/benchmark";
import { figure } from "./support/figure";
import { createTopic, produceAtRate } from "./support/kafka";
import { tracedRecord } from "./support/records";
import { startServerChild } from "./support/server-child";
import { round, sleep } from "./support/stats";

const PARTITIONS = 6;
/** Seconds the server is watched before the stream, for its idle event-loop delay. */
const IDLE_SECONDS = 5;
const MB = 1024 * 1024;

export const overloadBench: Benchmark = {
  name: "overload",
  description: "12,000 events/s for 60 s (more than it ingests): peak RSS against the memory budget",
  async run({ smoke, brokers, log }) {
    const rate = smoke ? 2_000 : 12_000;
    const seconds = smoke ? 5 : 60;
    const budgetMb = DEFAULT_MEMORY_MB;
    const topic = "bench-overload";
    await createTopic(brokers, topic, PARTITIONS);
    const server = await startServerChild(brokers, {
      EVENTSCOPE_LOOKBACK: "1m",
      EVENTSCOPE_MEMORY_MB: String(budgetMb),
    });
    const idleLoopDelays: number[] = [];
    for (let i = 0; i < IDLE_SECONDS; i++) {
      await sleep(1000);
      idleLoopDelays.push((await server.stats()).loopDelayMaxMs);
    }
    const idle = await server.stats();
    const producer = await produceAtRate(brokers, topic, rate, (i) => tracedRecord(i, PARTITIONS));
    const began = performance.now();
    const samples: Record<string, number>[] = [];
    try {
      for (let at = 1; at <= seconds; at++) {
        await sleep(began + at * 1000 - performance.now());
        const stats = await server.stats();
        samples.push({
          atSec: at,
          sent: producer.sent(),
          read: stats.collector.eventsRead,
          rssMb: round(stats.rss / MB),
          heapMb: round(stats.heapUsed / MB),
          heapTotalMb: round(stats.heapTotal / MB),
          externalMb: round(stats.external / MB),
          loopDelayMaxMs: round(stats.loopDelayMaxMs),
        });
        if (at % 10 === 0 || smoke) log(`${at} s: ${JSON.stringify(samples.at(-1))}`);
      }
      const end = await server.stats();
      await producer.stop();
      const sentRate = producer.sent() / seconds;
      const readRate = (end.collector.eventsRead - idle.collector.eventsRead) / seconds;
      const peakRssMb = round(end.peakRss / MB);
      return {
        figures: [
          figure({
            name: `server peak RSS at ${rate} events/s for ${seconds} s (the OS's high-water mark)`,
            unit: "MB",
            result: [peakRssMb],
            baseline: [round(idle.rss / MB)],
            baselineWhat: "the same server's RSS before the stream",
            target: {
              text: `≤ the budget + 150 MB (${budgetMb + 150} MB)`,
              met: ({ result }) => result.median <= budgetMb + 150,
            },
          }),
          figure({
            name: "events read per second while overloaded",
            unit: "events/s",
            result: [round(readRate)],
            baseline: [round(sentRate)],
            baselineWhat: "events produced per second",
          }),
          figure({
            name: "event loop's longest delay in each second while overloaded",
            unit: "ms",
            result: samples.map((s) => s.loopDelayMaxMs!),
            baseline: idleLoopDelays.map(round),
            baselineWhat: "the same server idle, before the stream",
          }),
        ],
        details: { rate, seconds, budgetMb, produced: producer.sent(), peakRssMb, samples },
      };
    } finally {
      await producer.stop().catch(() => undefined);
      await server.stop();
    }
  },
};
