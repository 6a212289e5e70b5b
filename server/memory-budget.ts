/**
 * How EVENTSCOPE_MEMORY_MB is spent, in one place. The process's RSS is what Node needs whatever the load
 * (its code, the loaded modules, thread stacks: about 100–150 MB, outside the budget) plus what the budget
 * covers, each part bounded where the memory is used:
 *
 * - V8's old space, per thread (`--max-old-space-size`, set at launch by nodeMemoryFlags; the store's
 *   writer thread inherits it): 7/8 of the budget — all of it but SQLite's page cache, the one part held
 *   outside V8 — and at least MIN_HEAP_MB. It holds every JavaScript object: the server's state, the
 *   summaries waiting to be stored, kafkajs' decoded fetches, the dead letters, the flow-latency pairing,
 *   the live tail's batches. Those parts are bounded on their own and together fit in it (at the default:
 *   64 + 32 + 32 + 16 MB, one decoded fetch of up to ~30 MB, ~40 MB for the server itself), so a full
 *   load makes V8 collect more often instead of running out of heap; at 5/8 of the budget the latency
 *   benchmark did run a server out of heap. Without a limit V8 sizes its heap from the machine's RAM
 *   (4 GB on 24 GB) and lets garbage pile up towards it before collecting: that, not live data, was most
 *   of the RSS under a steady stream.
 * - V8's young generation (`--max-semi-space-size`, three semi-spaces per thread): 1/16 of the budget per
 *   semi-space, at most V8's own default of 16 MB (the default budget's). A record's objects live until
 *   its batch is stored, and a collector that has fallen behind keeps the store's whole backlog in flight,
 *   so most of a small nursery is still alive when it is scavenged: copied, promoted, then collected again
 *   as old space. Overloaded at 12,000 events/s offered (--trace-gc, one run each), 4 MB semi-spaces cost
 *   the event loop 2,515 scavenges (14.3 s) and 134 full collections (2.0 s) in 75 s; 16 MB cost 569
 *   scavenges (8.1 s) and 100 full ones (2.4 s), and the collector read 8,254 events/s instead of 6,254,
 *   for 45 MB more RSS at its peak (303 MB instead of 259).
 * - SQLite's page cache, both connections together: 1/8. Misses are served from the OS's file cache, which
 *   is not the process's memory.
 * - Events read from Kafka and not yet stored: 1/8, counted in bytes (the collector waits beyond it).
 * - One Kafka fetch response: 1/128 (kafkajs' `maxBytes`), and never more than 2 MB. kafkajs decodes a
 *   whole response into one object per record, header and field, about 1.5 kB of heap per record whatever
 *   its size: with 8 MB fetches from a broker full of small test records, decoded fetches filled a 128 MB
 *   heap (a heap snapshot: 190,000 Buffers of record fields held by kafkajs). It also decodes a response in
 *   one go, on the event loop: reading a 300,000-record backlog of 700 B records, the loop's delay p99 (per
 *   second) was ~100 ms with kafkajs' 10 MB default and ~50 ms with 2 MB, at the same ingest rate (~13,000
 *   events/s either way), hence the cap whatever the budget. At 5,000 records/s this still means only a
 *   few fetches a second.
 * - Dead letters held whole for re-drive, all DLQ topics together: 1/4 (their count is checked against the
 *   heap by a test).
 * - The re-drive ledger (which letters were re-driven, and where to): 1/16.
 * - Not from the budget: flow-latency pairing keeps a fixed 32 MiB of recent messages (counted whole and
 *   checked against the heap by a test), inside the heap limit.
 *
 * The heap limit is a ceiling, not a reservation: V8 grows the heap only as far as the live objects need.
 */
import v8 from "node:v8";
import { z } from "zod";

const MB = 1024 * 1024;
/** The largest fetch response whatever the budget (see above: the event loop decodes it in one go). */
const MAX_FETCH_BYTES = 2 * MB;
/**
 * The server with its UI holds about 40 MB of objects before it reads anything (measured on the built
 * server), and reading adds decoded fetches and the summaries waiting to be stored: below this a heap limit
 * would make the server fail rather than save memory, so small budgets still get this much.
 */
const MIN_HEAP_MB = 128;

/** EVENTSCOPE_MEMORY_MB as config.ts validates it. */
export const memoryMbSetting = z.coerce.number().int().min(64).max(65_536);
export const DEFAULT_MEMORY_MB = 256;

export interface MemoryPlan {
  budgetBytes: number;
  /** V8's old-space limit of each thread, in MB. */
  heapMb: number;
  /** V8's semi-space size in MB; a thread's young generation is three of them. */
  semiSpaceMb: number;
  /** SQLite's page cache, split between the writer's connection and the reader's. */
  sqliteCacheBytes: number;
  /** Bytes of read events waiting to be stored before the collector stops reading. */
  backlogBytes: number;
  /** Largest Kafka fetch response (kafkajs `maxBytes`). */
  fetchBytes: number;
  /** Largest part of a fetch response for one partition (kafkajs `maxBytesPerPartition`). */
  fetchBytesPerPartition: number;
  /** Dead letters of all DLQ topics together. */
  deadLetterBytes: number;
  /** Entries of the re-drive ledger held in memory. */
  ledgerBytes: number;
}

export function memoryPlan(budgetMb: number): MemoryPlan {
  const budgetBytes = budgetMb * MB;
  const fetchBytes = Math.min(MAX_FETCH_BYTES, Math.floor(budgetBytes / 128));
  return {
    budgetBytes,
    heapMb: Math.max(MIN_HEAP_MB, Math.floor((budgetMb * 7) / 8)),
    semiSpaceMb: Math.min(16, Math.max(1, Math.floor(budgetMb / 16))),
    sqliteCacheBytes: Math.floor(budgetBytes / 8),
    backlogBytes: Math.floor(budgetBytes / 8),
    fetchBytes,
    // kafkajs' default (1 MB) unless a small budget's fetch is smaller; a larger record still comes whole.
    fetchBytesPerPartition: Math.min(MB, Math.floor(fetchBytes / 4)),
    deadLetterBytes: Math.floor(budgetBytes / 4),
    ledgerBytes: Math.floor(budgetBytes / 16),
  };
}

/**
 * The node options that give the process the heap of EVENTSCOPE_MEMORY_MB (from `env`), for whatever
 * starts the server: `npm start`, `npm run demo`, the benchmarks. A bad value gives none, so the server
 * itself starts and reports it with the other configuration problems.
 */
export function nodeMemoryFlags(env: Record<string, string | undefined> = process.env): string[] {
  const given = env.EVENTSCOPE_MEMORY_MB;
  const parsed = memoryMbSetting.safeParse(given === undefined || given === "" ? DEFAULT_MEMORY_MB : given);
  return parsed.success ? flagsOf(memoryPlan(parsed.data)) : [];
}

const flagsOf = (plan: MemoryPlan) => [
  `--max-old-space-size=${plan.heapMb}`,
  `--max-semi-space-size=${plan.semiSpaceMb}`,
];

/** V8's heap limit (`v8.getHeapStatistics().heap_size_limit`) of this process. */
export const heapLimitBytes = () => v8.getHeapStatistics().heap_size_limit;

/** Whether a heap limit is the plan's: old space and three semi-spaces, with V8's own small additions. */
export function heapLimitFits(limitBytes: number, plan: MemoryPlan): boolean {
  return limitBytes / MB <= plannedHeapMb(plan) * 1.1 + 8;
}

const plannedHeapMb = (plan: MemoryPlan) => plan.heapMb + 3 * plan.semiSpaceMb;

/**
 * Null when this process runs within the plan's heap; else a sentence saying it does not (it was started
 * without nodeMemoryFlags, e.g. `node dist/server/main.js` by hand), so the RSS may exceed the budget.
 */
export function heapLimitProblem(plan: MemoryPlan): string | null {
  const limit = heapLimitBytes();
  if (heapLimitFits(limit, plan)) return null;
  return (
    `V8's heap limit is ${Math.round(limit / MB)} MB, not the ${plannedHeapMb(plan)} MB EVENTSCOPE_MEMORY_MB ` +
    `plans: start the server with \`npm start\` (or node ${flagsOf(plan).join(" ")} …) so memory stays in budget`
  );
}
