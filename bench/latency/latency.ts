/**
 * latency: records produced at 500, 2,000 and 5,000 events/s into a running Eventscope (its own process)
 * while 3 socket.io clients tail everything at the highest cap the server grants; produce→client delivery
 * p50/p95/p99 from the record timestamps, against a bare kafkajs consumer on the same topic at the same
 * time. Above the cap the server samples: the delivered rate should be the cap, and the clients report what
 * was sampled away. Target: p99 ≤ 250 ms at 2,000 events/s.
 */
import type { Benchmark } from "../support/benchmark";
import { type Figure, figure } from "../support/figure";
import { createTopic, produceAtRate } from "../support/kafka";
import { tracedRecord } from "../support/records";
import { startServerChild } from "../support/server-child";
import { ascending, percentile, round, sleep } from "../support/stats";
import { startLatencyConsumer } from "./baseline-consumer";
import { connectTailClient } from "./tail-clients";

const RATES = [500, 2_000, 5_000];
const CLIENTS = 3;
const PARTITIONS = 6;
/** The most a client may ask for (the server clamps higher requests to its maximum). */
const REQUESTED_CAP = 10_000;

export const latencyBench: Benchmark = {
  name: "latency",
  description: "produce→socket.io client delivery p50/p95/p99 at 500/2,000/5,000 events/s, 3 tailing clients",
  async run({ smoke, repetitions, brokers, log }) {
    const seconds = smoke ? 1 : 10;
    const topic = "bench-latency";
    await createTopic(brokers, topic, PARTITIONS);
    const server = await startServerChild(brokers, { EVENTSCOPE_LOOKBACK: "1m" });
    const baseline = await startLatencyConsumer(brokers, topic);
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, () => connectTailClient(server.url, REQUESTED_CAP)),
    );
    const cap = clients[0]?.maxPerSec ?? 0;
    const figures: Figure[] = [];
    const details: Record<string, unknown> = {
      clients: CLIENTS,
      capPerClient: cap,
      secondsPerRepetition: seconds,
    };
    try {
      for (const rate of RATES) {
        const producer = await produceAtRate(brokers, topic, rate, (i) => tracedRecord(i, PARTITIONS));
        await sleep(smoke ? 500 : 3_000); // warm-up at this rate: not timed
        const p = { client: [[], [], []], base: [[], [], []] } as Record<string, number[][]>;
        const delivered: number[] = [];
        const dropped: number[] = [];
        for (let rep = 0; rep < repetitions; rep++) {
          for (const c of clients) c.reset();
          baseline.reset();
          const began = performance.now();
          await sleep(seconds * 1000);
          const elapsed = (performance.now() - began) / 1000;
          const all = ascending(clients.flatMap((c) => c.latencies));
          const base = ascending(baseline.latencies);
          [50, 95, 99].forEach((q, k) => {
            p.client?.[k]?.push(percentile(all, q));
            p.base?.[k]?.push(percentile(base, q));
          });
          delivered.push(all.length / CLIENTS / elapsed);
          dropped.push(clients.reduce((n, c) => n + c.dropped, 0) / CLIENTS / elapsed);
        }
        await producer.stop();
        ["p50", "p95", "p99"].forEach((name, k) =>
          figures.push(
            figure({
              name: `delivery latency ${name} at ${rate} events/s`,
              unit: "ms",
              result: p.client?.[k] ?? [],
              baseline: p.base?.[k] ?? [],
              baselineWhat: `bare kafkajs consumer's produce→consume ${name}`,
              target:
                rate === 2_000 && name === "p99"
                  ? { text: "p99 ≤ 250 ms", met: ({ result }) => result.median <= 250 }
                  : undefined,
            }),
          ),
        );
        const honoured = Math.min(rate, cap);
        figures.push(
          figure({
            name: `delivered per client at ${rate} events/s`,
            unit: "events/s",
            result: delivered,
            baseline: delivered.map(() => honoured),
            baselineWhat: `min(produced rate, cap ${cap}/s)`,
            target: {
              text: "delivered ≥ 90% of min(rate, cap), never above the cap",
              met: ({ result }) => result.median >= 0.9 * honoured && result.median <= cap * 1.05,
            },
          }),
        );
        details[`sampledAwayPerClientPerSec@${rate}`] = dropped.map((d) => round(d));
        log(
          `${rate}/s: p99 ${round(p.client?.[2]?.[1] ?? NaN)} ms, delivered ${round(delivered[1] ?? NaN)}/s per client`,
        );
      }
      return { figures, details };
    } finally {
      for (const c of clients) c.close();
      await baseline.stop();
      await server.stop();
    }
  },
};
