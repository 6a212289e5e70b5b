/**
 * api-under-load: records produced at 2,000 events/s into a running Eventscope (its own process); in each
 * repetition the collector's ingest rate is measured for the same length of time (1) without API load and
 * (2) while 50 concurrent autocannon clients hammer /api/traces, /api/events and /api/lag, and (3) the same
 * 50 clients hit a route that does no work (the HTTP floor, for the latency baseline).
 * Targets: API p99 ≤ 100 ms, ingest under API load within 10% of ingest without.
 */
import autocannon from "autocannon";
import type { Benchmark } from "./support/benchmark";
import { figure } from "./support/figure";
import { createTopic, produceAtRate } from "./support/kafka";
import { tracedRecord } from "./support/records";
import { type ServerChild, startServerChild } from "./support/server-child";
import { round, sleep } from "./support/stats";

const RATE = 2_000;
const CONNECTIONS = 50;
const PARTITIONS = 6;
const TIMEOUT_MS = 10_000;

/** Records the collector read per second over `seconds`, from its own counter. */
async function ingestRate(server: ServerChild, during: Promise<unknown>, seconds: number): Promise<number> {
  const before = (await server.stats()).collector.eventsRead;
  const began = performance.now();
  await Promise.all([during, sleep(seconds * 1000)]);
  const after = (await server.stats()).collector.eventsRead;
  return (after - before) / ((performance.now() - began) / 1000);
}

/** Waits until the collector is within a second of traffic of what was produced (start-up backlog read). */
async function caughtUp(server: ServerChild, sent: () => number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await server.stats()).collector.eventsRead < sent() - RATE) {
    if (Date.now() > deadline)
      throw new Error("the collector did not catch up with 2,000 events/s within 60 s");
    await sleep(200);
  }
}

function hammer(url: string, paths: string[], seconds: number) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: TIMEOUT_MS / 1000,
    requests: paths.map((path) => ({ method: "GET", path })),
  });
}

export const apiUnderLoadBench: Benchmark = {
  name: "api-under-load",
  description:
    "50 concurrent API clients while ingesting 2,000 events/s: API p99 and ingest rate with vs without",
  async run({ smoke, repetitions, brokers, log }) {
    const seconds = smoke ? 1 : 10;
    const topic = "bench-api";
    await createTopic(brokers, topic, PARTITIONS);
    const server = await startServerChild(brokers, { EVENTSCOPE_LOOKBACK: "1m" });
    const producer = await produceAtRate(brokers, topic, RATE, (i) => tracedRecord(i, PARTITIONS));
    const api = ["/api/traces?limit=50", "/api/events?limit=50", "/api/lag"];
    try {
      await caughtUp(server, producer.sent);
      await hammer(server.url, api, smoke ? 1 : 3); // warm-up: not timed
      const quiet: number[] = [];
      const loaded: number[] = [];
      const p99: number[] = [];
      const floorP99: number[] = [];
      const details: Record<string, unknown> = {
        connections: CONNECTIONS,
        produceRate: RATE,
        endpoints: api,
      };
      for (let rep = 0; rep < repetitions; rep++) {
        quiet.push(await ingestRate(server, Promise.resolve(), seconds));
        const load = hammer(server.url, api, seconds);
        loaded.push(await ingestRate(server, load, seconds));
        const result = await load;
        if (result.non2xx > 0) throw new Error(`API under load: ${result.non2xx} answers other than 2xx`);
        // A request that timed out (autocannon gives up after 10 s) took at least that long; when more than
        // 1% did, the true p99 is at least the timeout, whatever the answered requests say.
        const answered = result.requests.total;
        const timedOut = result.errors;
        // No answer at all within the run: every request took longer than the run (a lower bound).
        const slowest =
          timedOut > 0.01 * (answered + timedOut)
            ? TIMEOUT_MS
            : answered === 0
              ? seconds * 1000
              : result.latency.p99;
        details[`timedOut#${rep + 1}`] = timedOut;
        p99.push(slowest);
        details[`requestsPerSec#${rep + 1}`] = round(result.requests.average);
        const floor = await hammer(server.url, ["/api/no-such-route"], seconds);
        floorP99.push(floor.requests.total === 0 ? seconds * 1000 : floor.latency.p99);
        log(
          `rep ${rep + 1}: ingest ${round(quiet.at(-1) ?? NaN)}/s quiet, ${round(loaded.at(-1) ?? NaN)}/s under load; API p99 ${result.latency.p99} ms`,
        );
      }
      // Which endpoint is slow: each alone under the same concurrency (details only, for profiling).
      for (const path of api) {
        const alone = await hammer(server.url, [path], seconds);
        details[`p99Alone ${path}`] =
          alone.errors > 0.01 * alone.requests.total ? TIMEOUT_MS : alone.latency.p99;
      }
      return {
        figures: [
          figure({
            name: `API p99 under ${CONNECTIONS} clients while ingesting ${RATE}/s`,
            unit: "ms",
            result: p99,
            baseline: floorP99,
            baselineWhat: `same ${CONNECTIONS} clients on a route that does no work (404), p99`,
            target: { text: "p99 ≤ 100 ms", met: ({ result }) => result.median <= 100 },
          }),
          figure({
            name: `ingest rate under API load (produced at ${RATE}/s)`,
            unit: "events/s",
            result: loaded,
            baseline: quiet,
            baselineWhat: "ingest rate of the same run without API load",
            target: {
              text: "within 10% of the rate without API load",
              met: ({ ratio }) => ratio.median >= 0.9,
            },
          }),
        ],
        details,
      };
    } finally {
      await producer.stop();
      await server.stop();
    }
  },
};
