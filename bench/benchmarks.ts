/** Every benchmark, in the order `npm run bench` runs them (the long sustained run last). */
import { apiUnderLoadBench } from "./api-under-load";
import { browserBench } from "./browser/browser";
import { ingestInstancesBench } from "./cluster/ingest-instances";
import { ingestBench } from "./ingest/ingest";
import { latencyBench } from "./latency/latency";
import { redriveBench } from "./redrive/redrive";
import { storeBackendsBench } from "./store/store-backends";
import { storeWriteBench } from "./store/store-write";
import { sustainedBench } from "./sustained";
import { overloadBench } from "./sustained-overload";
import { traceLookupBench } from "./trace-lookup/trace-lookup";
import type { Benchmark } from "./support/benchmark";

export const benchmarks: readonly Benchmark[] = [
  ingestBench,
  traceLookupBench,
  redriveBench,
  latencyBench,
  apiUnderLoadBench,
  storeBackendsBench,
  storeWriteBench,
  ingestInstancesBench,
  browserBench,
  overloadBench,
  sustainedBench,
];
