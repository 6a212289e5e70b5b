/**
 * store-backends: the PostgreSQL store (what several instances share) against the embedded SQLite store
 * (the baseline: one node), on the same synthetic events — insert rate through `append` (batches of
 * 10,000 with their positions, as the collector writes them) and `GET /api/traces/:id`'s in-process work
 * (the trace service: store lookups + stitching) p50/p99. The insert rate is timed over each third of the
 * fill, one run each (three fills of 1M events into PostgreSQL would take four minutes more), so its spread
 * also shows whether inserts slow down as the store grows. PostgreSQL is the machine's (127.0.0.1:5432,
 * EVENTSCOPE_BENCH_POSTGRES to use another); the benchmark creates its own database and drops it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "@/server/config";
import type { EventStore } from "@/server/store/event-store";
import { openEventStore } from "@/server/store/open-store";
import { fillStore } from "@/server/store/testing/fill-store";
import { traceOf } from "@/server/store/testing/ingested";
import { createTraceService } from "@/server/traces/trace-service";
import { createTestDatabase } from "@/server/test-support/postgres";
import type { Benchmark } from "../support/benchmark";
import { figure } from "../support/figure";
import { percentile, round, timeEachAsync } from "../support/stats";

async function measure(open: () => Promise<EventStore>, count: number, lookups: number, repetitions: number) {
  const store = await open();
  try {
    // Timed from batch end to batch end: the stored count and the time at the first batch past each third.
    const points = [{ stored: 0, at: performance.now() }];
    await fillStore(store, count, {
      spanMs: 30 * 60_000,
      onStored: (stored) => {
        if (stored >= (count * points.length) / 3) points.push({ stored, at: performance.now() });
      },
    });
    const insertPerSec = points
      .slice(1)
      .map((p, i) => (p.stored - points[i]!.stored) / ((p.at - points[i]!.at) / 1000));
    const service = createTraceService({
      store,
      consumption: () => [],
      isOwnGroup: () => false,
      isDlqTopic: () => false,
    });
    const traces = Math.floor(count / 4);
    const p99: number[] = [];
    const p50: number[] = [];
    for (let rep = 0; rep < repetitions; rep++) {
      const sorted = await timeEachAsync(lookups, (i) =>
        service.getTrace(traceOf((((rep * lookups + i) * 2_654_435_761) % traces) + 1)),
      );
      p50.push(percentile(sorted, 50));
      p99.push(percentile(sorted, 99));
    }
    return { insertPerSec, p50, p99 };
  } finally {
    await store.close();
  }
}

export const storeBackendsBench: Benchmark = {
  name: "store-backends",
  description: "PostgreSQL store vs embedded: insert rate and trace lookup p50/p99 on the same events",
  async run({ smoke, repetitions, log }) {
    // Three batches of 10,000 at least, so each third of the fill ends with a batch of its own.
    const count = smoke ? 30_000 : 1_000_000;
    const lookups = smoke ? 100 : 1_000;
    const base = { EVENTSCOPE_RETENTION: "1d", EVENTSCOPE_LOG_LEVEL: "silent" };
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "eventscope-bench-store-"));
    const db = await createTestDatabase("es_bench");
    try {
      const embedded = await measure(
        () => openEventStore(loadConfig({ ...base, EVENTSCOPE_DATA_DIR: dataDir }).store),
        count,
        lookups,
        repetitions,
      );
      const rates = (r: number[]) => r.map((n) => round(n)).join(" / ");
      log(`embedded: ${rates(embedded.insertPerSec)} inserts/s, lookup p99 ${embedded.p99.join(" / ")} ms`);
      const postgres = await measure(
        () => openEventStore(loadConfig({ ...base, EVENTSCOPE_STORE: db.url }).store),
        count,
        lookups,
        repetitions,
      );
      log(`postgres: ${rates(postgres.insertPerSec)} inserts/s, lookup p99 ${postgres.p99.join(" / ")} ms`);
      return {
        figures: [
          figure({
            name: "PostgreSQL store insert rate (each third of the fill)",
            unit: "events/s",
            result: postgres.insertPerSec,
            baseline: embedded.insertPerSec,
            baselineWhat: "the embedded SQLite store, same events and batches",
          }),
          figure({
            name: "trace lookup p99 on PostgreSQL (in-process)",
            unit: "ms",
            result: postgres.p99,
            baseline: embedded.p99,
            baselineWhat: "the same lookups on the embedded SQLite store",
          }),
        ],
        details: { count, lookups, embedded, postgres },
      };
    } finally {
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
