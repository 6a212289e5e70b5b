/**
 * trace-lookup: ≥ 10M traced events in the embedded store; `/api/traces/:id` timed in-process (the trace
 * service the route calls: store lookups + stitching) and over HTTP (a server process of its own on that
 * store), with the bytes each event costs on disk and in the serving process's memory.
 * Baselines do the least work that gives the same answer: a scan of a precomputed array of every event's
 * trace id (a store without a trace index), and the same server answering a request that does no work
 * (404: the HTTP floor). Target: HTTP p99 ≤ 20 ms.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "@/server/config";
import { openEventStore } from "@/server/store/open-store";
import { createTraceService } from "@/server/traces/trace-service";
import type { Benchmark } from "../support/benchmark";
import { figure } from "../support/figure";
import { timeGets } from "../support/http";
import { HOPS, recordBytes, traceIdOf, tracedRecord } from "../support/records";
import { startServerChild } from "../support/server-child";
import { percentile, round, timeEach, timeEachAsync } from "../support/stats";
import { fillStore } from "./fill-store";

const PARTITIONS = 6;
const TOPIC = "bench-traces";
/** Retention longer than the run, so nothing is evicted while it is measured. */
const RETENTION = "1d";

/** Spreads lookups over all traces in a fixed pseudo-random order. */
const pick = (traces: number) => (i: number) => traceIdOf((i * 2_654_435_761) % traces);

type Runs = { p50: number[]; p99: number[] };
const runs = (): Runs => ({ p50: [], p99: [] });
const record = (r: Runs, sorted: number[]) => {
  r.p50.push(percentile(sorted, 50));
  r.p99.push(percentile(sorted, 99));
};

/** Spawns a server and times it from spawn until its first /api/health answer. */
async function timedStart(brokers: string[], env: Record<string, string>) {
  const began = performance.now();
  const server = await startServerChild(brokers, env);
  const health = await fetch(`${server.url}/api/health`);
  if (!health.ok) throw new Error(`/api/health answered ${health.status} after a start`);
  return { server, ms: performance.now() - began };
}

export const traceLookupBench: Benchmark = {
  name: "trace-lookup",
  description: "GET /api/traces/:id p50/p99 in-process and over HTTP at 10M stored events; bytes/event",
  async run({ smoke, repetitions, brokers, log }) {
    const count = smoke ? 10_000 : 10_000_000;
    const lookups = smoke ? 200 : 1_000;
    const traceOf = pick(Math.floor(count / HOPS));
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "eventscope-bench-traces-"));
    const env = { EVENTSCOPE_DATA_DIR: dataDir, EVENTSCOPE_RETENTION: RETENTION };
    const configEnv = { KAFKA_BROKERS: brokers.join(","), EVENTSCOPE_LOG_LEVEL: "silent", ...env };
    const config = loadConfig(configEnv);
    try {
      // Memory baseline: the same server with an empty store, after the same kind of requests. Its start
      // (spawn → first /api/health answer) is also the baseline of a restart on the full store.
      const emptyStarts: number[] = [];
      let rssEmpty = 0;
      for (let rep = 0; rep < repetitions; rep++) {
        const { server: empty, ms } = await timedStart(brokers, { EVENTSCOPE_RETENTION: RETENTION });
        emptyStarts.push(ms);
        await timeGets(empty.url, () => "/api/no-such-route", 200, 404);
        rssEmpty = (await empty.stats()).rss;
        await empty.stop();
      }

      const t0 = performance.now();
      await fillStore(config, TOPIC, PARTITIONS, count, 50 * 60_000, (n) => log(`${n} events stored`));
      const fillPerSec = count / ((performance.now() - t0) / 1000);
      log(`store filled with ${count} events at ${round(fillPerSec)}/s`);

      const store = await openEventStore(config.store);
      const stats = store.stats();
      if (stats.events !== count) throw new Error(`the store holds ${stats.events} of ${count} events`);
      const service = createTraceService({
        store,
        consumption: () => [],
        isOwnGroup: () => false,
        isDlqTopic: () => false,
      });
      // The baseline's input is built before timing: comparing ids is all an unindexed store could do.
      const traceIds = Array.from({ length: count }, (_, i) => traceIdOf(Math.floor(i / HOPS)));
      const scan = (target: string) => {
        const hits: number[] = [];
        for (let i = 0; i < traceIds.length; i++) if (traceIds[i] === target) hits.push(i);
        if (hits.length !== HOPS) throw new Error(`scan found ${hits.length} events of ${target}`);
        return hits;
      };
      const inProcess = runs();
      const scanned = runs();
      const scans = smoke ? 20 : 10;
      await timeEachAsync(200, (i) => service.getTrace(traceOf(i + 7_000_000))); // warm-up
      timeEach(3, (i) => scan(traceOf(i + 7_000_000)));
      for (let rep = 0; rep < repetitions; rep++) {
        const at = rep * lookups;
        record(
          inProcess,
          await timeEachAsync(lookups, async (i) => {
            if ((await service.getTrace(traceOf(at + i))).trace.hops.length === 0)
              throw new Error("empty trace");
          }),
        );
        record(
          scanned,
          timeEach(scans, (i) => scan(traceOf(at + i))),
        );
      }
      await store.close();
      traceIds.length = 0;

      // Restarts on the full store: how long until the dashboard answers again.
      const fullStarts: number[] = [];
      for (let rep = 0; rep < repetitions - 1; rep++) {
        const { server: restarted, ms } = await timedStart(brokers, env);
        fullStarts.push(ms);
        await restarted.stop();
      }
      const { server, ms: lastStart } = await timedStart(brokers, env);
      fullStarts.push(lastStart);
      const http = runs();
      const floor = runs();
      await timeGets(server.url, (i) => `/api/traces/${traceOf(i + 5_000_000)}`, 100, 200); // warm-up
      await timeGets(server.url, () => "/api/no-such-route", 100, 404);
      for (let rep = 0; rep < repetitions; rep++) {
        const at = rep * lookups + 100_000;
        record(http, await timeGets(server.url, (i) => `/api/traces/${traceOf(at + i)}`, lookups, 200));
        record(floor, await timeGets(server.url, () => "/api/no-such-route", lookups, 404));
      }
      const rssFull = (await server.stats()).rss;
      await server.stop();

      const raw = recordBytes(tracedRecord(0, PARTITIONS));
      const memoryPerEvent = Math.max(0, rssFull - rssEmpty) / count;
      const scanWhat = (p: string) => `scan of a precomputed array of ${count} trace ids, ${p}`;
      const floorWhat = (p: string) => `same server answering a 404 (HTTP floor), ${p}`;
      return {
        figures: [
          figure({
            name: `trace lookup in-process p50 at ${count} events`,
            unit: "ms",
            result: inProcess.p50,
            baseline: scanned.p50,
            baselineWhat: scanWhat("p50"),
          }),
          figure({
            name: `trace lookup in-process p99 at ${count} events`,
            unit: "ms",
            result: inProcess.p99,
            baseline: scanned.p99,
            baselineWhat: scanWhat("p99"),
          }),
          figure({
            name: `GET /api/traces/:id p50 over HTTP at ${count} events`,
            unit: "ms",
            result: http.p50,
            baseline: floor.p50,
            baselineWhat: floorWhat("p50"),
          }),
          figure({
            name: `GET /api/traces/:id p99 over HTTP at ${count} events`,
            unit: "ms",
            result: http.p99,
            baseline: floor.p99,
            baselineWhat: floorWhat("p99"),
            target: { text: "p99 ≤ 20 ms", met: ({ result }) => result.median <= 20 },
          }),
          figure({
            name: `restart until /api/health answers at ${count} events`,
            unit: "ms",
            result: fullStarts,
            baseline: emptyStarts,
            baselineWhat: "the same server starting on an empty store",
            target: { text: "≤ 10 s", met: ({ result }) => result.max <= 10_000 },
          }),
          figure({
            name: "disk per stored event",
            unit: "B/event",
            result: [stats.diskBytes / count],
            baseline: [raw],
            baselineWhat: "the record's own bytes (key + value + headers)",
          }),
          figure({
            name: "serving process memory per stored event",
            unit: "B/event",
            result: [memoryPerEvent],
            baseline: [raw],
            baselineWhat: "the record's own bytes (key + value + headers)",
          }),
        ],
        details: {
          events: count,
          lookupsPerRepetition: lookups,
          fillPerSec: round(fillPerSec),
          diskBytes: stats.diskBytes,
          rssEmptyStoreMb: round(rssEmpty / 2 ** 20),
          rssFullStoreMb: round(rssFull / 2 ** 20),
          bytesOnceMeasured:
            "disk from the store's own page count; memory = RSS growth of the serving process over the same server with an empty store",
          inProcess:
            "createTraceService(store).getTrace(id): the work GET /api/traces/:id does, without HTTP",
        },
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
