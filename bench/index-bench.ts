/**
 * Index benchmark at N events (default 1,000,000), each figure against a baseline measured in the same run:
 *  - memory: bytes the decoded EventRecords themselves take (what any cache of them must hold at least)
 *    vs bytes the index adds on top (id map, trace/correlation/message/causation indexes);
 *  - add: index.add() vs pushing the same records into a plain array;
 *  - lookup: byTraceId() vs scanning that array for the trace id (a store without a trace index).
 */
import { MemoryEventStore } from "@/server/index/memory-event-store";
import { heapUsedAfterGc, percentile, round, timeEach } from "./stats";
import { syntheticEvent, traceIdOf } from "./synthetic-events";

export function runIndexBench(n: number): Record<string, unknown> {
  const h0 = heapUsedAfterGc();
  const events = Array.from({ length: n }, (_, i) => syntheticEvent(i));
  const recordBytes = (heapUsedAfterGc() - h0) / n;

  let t = performance.now();
  const array: typeof events = [];
  for (const e of events) array.push(e);
  const arrayAddMs = performance.now() - t;

  const h1 = heapUsedAfterGc();
  const store = new MemoryEventStore(Number.MAX_SAFE_INTEGER);
  t = performance.now();
  for (const e of events) store.add(e);
  const storeAddMs = performance.now() - t;
  const indexBytes = (heapUsedAfterGc() - h1) / n;

  const traces = Math.floor(n / 5);
  const pick = (i: number) => traceIdOf((i * 2_654_435_761) % traces);
  const lookup = timeEach(1_000, (i) => store.byTraceId(pick(i)));
  const scan = timeEach(10, (i) => array.filter((e) => e.traceId === pick(i)));
  if (store.byTraceId(pick(1)).length !== 5)
    throw new Error("benchmark data broken: a trace should have 5 events");

  return {
    events: n,
    bytesPerEvent: {
      recordsBaseline: round(recordBytes, 0),
      indexOverhead: round(indexBytes, 0),
      total: round(recordBytes + indexBytes, 0),
      ratioToBaseline: round((recordBytes + indexBytes) / recordBytes, 2),
      budgetEstimate: round(store.stats().bytes / n, 0),
    },
    add: {
      indexPerSec: round(n / (storeAddMs / 1000), 0),
      arrayBaselinePerSec: round(n / (arrayAddMs / 1000), 0),
      slowdownVsArray: round(storeAddMs / Math.max(arrayAddMs, 0.001), 1),
    },
    traceLookupMs: {
      p50: round(percentile(lookup, 50), 4),
      p99: round(percentile(lookup, 99), 4),
      scanBaselineP50: round(percentile(scan, 50), 2),
      speedupVsScan: round(percentile(scan, 50) / Math.max(percentile(lookup, 50), 1e-6), 0),
    },
  };
}
