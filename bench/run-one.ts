/**
 * Runs one benchmark in this process and writes its result file: `bench/run.ts` starts one of these per
 * benchmark, so each measures in a fresh process — no heap, JIT state or leftover timers of the one
 * before (the latency figures were worse when they ran after ingest in the same process). The broker is
 * the parent's, found in KAFKA_BROKERS. Exits 1 when the benchmark throws, never on a missed target.
 */
import path from "node:path";
import { benchmarks } from "./benchmarks";
import { environment, gitState, writeResult } from "./support/results";

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const name = args.find((a) => !a.startsWith("--"));
const bench = benchmarks.find((b) => b.name === name);
const brokers = (process.env.KAFKA_BROKERS ?? "").split(",").filter((b) => b !== "");
if (!bench || brokers.length === 0) {
  console.error(
    `usage: KAFKA_BROKERS=host:port run-one.ts <${benchmarks.map((b) => b.name).join("|")}> [--smoke]`,
  );
  process.exit(2);
}

const log = (line: string) => console.log(`  ${line}`);
const t0 = Date.now();
try {
  const outcome = await bench.run({ smoke, repetitions: smoke ? 1 : 3, brokers, log });
  const file = writeResult({
    benchmark: bench.name,
    smoke,
    date: new Date().toISOString(),
    git: gitState(),
    environment: environment(),
    seconds: Math.round((Date.now() - t0) / 1000),
    ...outcome,
  });
  for (const f of outcome.figures) {
    const met = f.target ? (f.target.met ? "  target met" : `  TARGET MISSED (${f.target.text})`) : "";
    console.log(
      `  ${f.name}: ${f.result.median} ${f.unit} (spread ${f.result.spreadPct}%) vs ${f.baseline.median} ` +
        `(${f.baseline.what}) → ratio ${f.ratio.median}${met}`,
    );
  }
  console.log(`  → ${path.relative(process.cwd(), file)} (${Math.round((Date.now() - t0) / 1000)} s)`);
  process.exit(0);
} catch (error) {
  console.error(`  ${bench.name} FAILED:`, error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
