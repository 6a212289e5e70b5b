/**
 * trace-lookup: N traced events go through the real pipeline (Kafka → collector → store), then trace
 * lookups are timed in-process (the store's trace index) and over HTTP (`GET /api/traces/:id`, which also
 * stitches the trace), with the bytes each stored event costs in memory.
 * Baselines do the least work that gives the same answer: a scan of a precomputed array of trace ids (a
 * store without a trace index), and the same HTTP server answering a request that does no work (404).
 * Target: HTTP p99 ≤ 20 ms.
 */
import type { EventStore } from "@/server/index/event-store";
import { REGISTRY } from "@/server/collector/collector-feature";
import type { Benchmark } from "./support/benchmark";
import { figure } from "./support/figure";
import { timeGets } from "./support/http";
import { createTopic, produceBulk } from "./support/kafka";
import { startPipeline } from "./support/pipeline";
import { HOPS, recordBytes, traceIdOf, tracedRecord } from "./support/records";
import { heapUsedAfterGc, percentile, round, sleep, timeEach } from "./support/stats";

const PARTITIONS = 6;
const REPETITIONS = 3;

/** Spreads lookups over all traces in a fixed pseudo-random order (the same in every repetition). */
const pick = (traces: number) => (i: number) => (i * 2_654_435_761) % traces;

export const traceLookupBench: Benchmark = {
  name: "trace-lookup",
  description: "GET /api/traces/:id p50/p99 in-process and over HTTP, and bytes per stored event",
  async run({ smoke, brokers, log }) {
    const count = smoke ? 10_000 : 1_000_000;
    const lookups = smoke ? 200 : 1_000;
    const traces = Math.floor(count / HOPS);
    const topic = "bench-traces";
    await createTopic(brokers, topic, PARTITIONS);
    const base = Date.now();
    await produceBulk(brokers, topic, count, (i) => tracedRecord(i, PARTITIONS, base + i));

    const heapBefore = heapUsedAfterGc();
    const { app, collector, close } = await startPipeline(brokers, { EVENTSCOPE_INDEX_MEMORY_MB: "6144" });
    try {
      while (collector.status().eventsRead < count) await sleep(50);
      const index = app.context.registry.get(REGISTRY.index) as EventStore;
      const stored = index.stats().events;
      if (stored < count) throw new Error(`the store kept ${stored} of ${count} events`);
      const bytesPerEvent = (heapUsedAfterGc() - heapBefore) / count;
      const rawBytes = recordBytes(tracedRecord(0, PARTITIONS, base));
      log(`${count} events stored, ${round(bytesPerEvent)} B/event on the heap`);

      // The baseline's input is built before timing: scanning it is all a store without an index must do.
      const traceIds = Array.from({ length: count }, (_, i) => traceIdOf(Math.floor(i / HOPS)));
      const scan = (target: string) => {
        const hits: number[] = [];
        for (let i = 0; i < traceIds.length; i++) if (traceIds[i] === target) hits.push(i);
        return hits;
      };
      const which = pick(traces);
      const scanCount = smoke ? 20 : 50;
      // Warm-up: JIT both paths and the HTTP connection before anything is timed.
      timeEach(100, (i) => index.byTraceId(traceIdOf(which(i))));
      timeEach(5, (i) => scan(traceIdOf(which(i))));
      await timeGets(app.url, (i) => `/api/traces/${traceIdOf(which(i))}`, 50, 200);
      await timeGets(app.url, () => "/api/no-such-route", 50, 404);

      const runs = { store: [[], []], scan: [[], []], http: [[], []], floor: [[], []] } as Record<
        string,
        [number[], number[]]
      >;
      const record = (key: string, sorted: number[]) => {
        runs[key]?.[0].push(percentile(sorted, 50));
        runs[key]?.[1].push(percentile(sorted, 99));
      };
      for (let rep = 0; rep < REPETITIONS; rep++) {
        const offset = rep * lookups;
        const found = timeEach(lookups, (i) => {
          if (index.byTraceId(traceIdOf(which(i + offset))).length !== HOPS)
            throw new Error("trace incomplete");
        });
        record("store", found);
        record(
          "scan",
          timeEach(scanCount, (i) => scan(traceIdOf(which(i + offset)))),
        );
        record(
          "http",
          await timeGets(app.url, (i) => `/api/traces/${traceIdOf(which(i + offset))}`, lookups, 200),
        );
        record("floor", await timeGets(app.url, () => "/api/no-such-route", lookups, 404));
      }
      const r = (key: string, p: 0 | 1) => runs[key]?.[p] ?? [];
      return {
        figures: [
          figure({
            name: `store trace lookup p50 at ${count} events`,
            unit: "ms",
            result: r("store", 0),
            baseline: r("scan", 0),
            baselineWhat: "scan of a precomputed trace-id array, p50",
          }),
          figure({
            name: `store trace lookup p99 at ${count} events`,
            unit: "ms",
            result: r("store", 1),
            baseline: r("scan", 1),
            baselineWhat: "scan of a precomputed trace-id array, p99",
          }),
          figure({
            name: "GET /api/traces/:id p50 over HTTP",
            unit: "ms",
            result: r("http", 0),
            baseline: r("floor", 0),
            baselineWhat: "same server answering a 404 (HTTP floor), p50",
          }),
          figure({
            name: "memory per stored event",
            unit: "B/event",
            result: [bytesPerEvent],
            baseline: [rawBytes],
            baselineWhat: "the record's own bytes (key + value + headers)",
          }),
          figure({
            name: "GET /api/traces/:id p99 over HTTP",
            unit: "ms",
            result: r("http", 1),
            baseline: r("floor", 1),
            baselineWhat: "same server answering a 404 (HTTP floor), p99",
            target: { text: "p99 ≤ 20 ms", met: ({ result }) => result.median <= 20 },
          }),
        ],
        details: {
          events: count,
          traces,
          lookupsPerRepetition: lookups,
          heapBytesPerEvent: round(bytesPerEvent),
          memoryMeasuredOnce: "heap growth after GC over the whole ingest, divided by the events stored",
          diskBytesPerEvent: null,
          store: "in-memory index (server/index); nothing on disk",
        },
      };
    } finally {
      await close();
    }
  },
};
