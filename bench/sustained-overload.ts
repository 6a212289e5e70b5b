/**
 * overload: more than Eventscope ingests — 12,000 events/s for 40 s into a running Eventscope (its own
 * process, the default memory budget and the heap limits `npm start` derives from it), three times, each
 * with a fresh server and topic. The collector falls behind and reads as fast as the store writes; the
 * memory it uses must not grow with how far behind it is. Samples every second: RSS, heap, memory outside
 * the heap, events read. The figure is each server's highest RSS over its run as the OS counts it (VmHWM),
 * so a peak between samples is not missed. Target: peak RSS ≤ the budget + 150 MB. Also reported: the rate
 * the collector read at while overloaded, and the median of the event loop's longest delay in each second
 * (GC pauses, decoding a fetch) against the idle server's.
 */
import { DEFAULT_MEMORY_MB } from "@/server/memory-budget";
import type { Benchmark } from "./support/benchmark";
import { figure } from "./support/figure";
import { createTopic, produceAtRate, type RateProducer, withAdmin } from "./support/kafka";
import { tracedRecord } from "./support/records";
import { startServerChild } from "./support/server-child";
import { round, sleep, summarize } from "./support/stats";

const PARTITIONS = 6;
/** Seconds the server is watched before the stream, for its idle event-loop delay. */
const IDLE_SECONDS = 5;
const MB = 1024 * 1024;

interface OverloadRun {
  peakRssMb: number;
  idleRssMb: number;
  readRate: number;
  sentRate: number;
  /** Median over the seconds of the run of the event loop's longest delay in that second. */
  loopDelayMs: number;
  idleLoopDelayMs: number;
  samples: Record<string, number>[];
}

async function overloadRun(
  brokers: string[],
  topic: string,
  rate: number,
  seconds: number,
  log: (line: string) => void,
  everySample: boolean,
): Promise<OverloadRun> {
  await createTopic(brokers, topic, PARTITIONS);
  const server = await startServerChild(brokers, {
    EVENTSCOPE_LOOKBACK: "1m",
    EVENTSCOPE_MEMORY_MB: String(DEFAULT_MEMORY_MB),
  });
  let producer: RateProducer | null = null;
  try {
    const idleLoopDelays: number[] = [];
    for (let i = 0; i < IDLE_SECONDS; i++) {
      await sleep(1000);
      idleLoopDelays.push((await server.stats()).loopDelayMaxMs);
    }
    const idle = await server.stats();
    const stream = await produceAtRate(brokers, topic, rate, (i) => tracedRecord(i, PARTITIONS));
    producer = stream;
    const began = performance.now();
    const samples: Record<string, number>[] = [];
    for (let at = 1; at <= seconds; at++) {
      await sleep(began + at * 1000 - performance.now());
      const stats = await server.stats();
      samples.push({
        atSec: at,
        sent: stream.sent(),
        read: stats.collector.eventsRead,
        rssMb: round(stats.rss / MB),
        heapMb: round(stats.heapUsed / MB),
        heapTotalMb: round(stats.heapTotal / MB),
        externalMb: round(stats.external / MB),
        loopDelayMaxMs: round(stats.loopDelayMaxMs),
      });
      if (at % 10 === 0 || everySample) log(`${at} s: ${JSON.stringify(samples.at(-1))}`);
    }
    const end = await server.stats();
    await stream.stop();
    return {
      peakRssMb: round(end.peakRss / MB),
      idleRssMb: round(idle.rss / MB),
      readRate: round((end.collector.eventsRead - idle.collector.eventsRead) / seconds),
      sentRate: round(stream.sent() / seconds),
      loopDelayMs: summarize(samples.map((s) => s.loopDelayMaxMs!)).median,
      idleLoopDelayMs: round(summarize(idleLoopDelays).median),
      samples,
    };
  } finally {
    await producer?.stop().catch(() => undefined);
    await server.stop();
    // The next run's server reads the last minute of every topic: this one's records would be read while
    // it is meant to be idle (its baseline), and counted in its memory.
    await withAdmin(brokers, (admin) => admin.deleteTopics({ topics: [topic] })).catch(() => undefined);
  }
}

export const overloadBench: Benchmark = {
  name: "overload",
  description:
    "12,000 events/s for 40 s, three times (more than it ingests): peak RSS against the memory budget",
  async run({ smoke, repetitions, brokers, log }) {
    const rate = smoke ? 2_000 : 12_000;
    const seconds = smoke ? 5 : 40;
    const budgetMb = DEFAULT_MEMORY_MB;
    const runs: OverloadRun[] = [];
    for (let rep = 1; rep <= repetitions; rep++) {
      const run = await overloadRun(brokers, `bench-overload-${rep}`, rate, seconds, log, smoke);
      log(
        `rep ${rep}: peak RSS ${run.peakRssMb} MB, read ${run.readRate}/s of ${run.sentRate}/s, ` +
          `loop delay ${run.loopDelayMs} ms per second (median; idle ${run.idleLoopDelayMs})`,
      );
      runs.push(run);
    }
    const each = <K extends keyof OverloadRun>(key: K) => runs.map((r) => r[key] as number);
    return {
      figures: [
        figure({
          name: `server peak RSS at ${rate} events/s for ${seconds} s (the OS's high-water mark)`,
          unit: "MB",
          result: each("peakRssMb"),
          baseline: each("idleRssMb"),
          baselineWhat: "the same server's RSS before the stream",
          target: {
            text: `≤ the budget + 150 MB (${budgetMb + 150} MB)`,
            met: ({ result }) => result.max <= budgetMb + 150,
          },
        }),
        figure({
          name: "events read per second while overloaded",
          unit: "events/s",
          result: each("readRate"),
          baseline: each("sentRate"),
          baselineWhat: "events produced per second",
        }),
        figure({
          name: "event loop's longest delay in a second while overloaded (median over the run's seconds)",
          unit: "ms",
          result: each("loopDelayMs"),
          baseline: each("idleLoopDelayMs"),
          baselineWhat: "the same server idle, before the stream",
        }),
      ],
      details: { rate, seconds, budgetMb, runs },
    };
  },
};
