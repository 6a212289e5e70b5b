/**
 * `npm run bench` runs every benchmark; `npm run bench -- ingest latency` only those; `-- --smoke` tiny
 * sizes of each (CI: proves they still run, under 3 minutes; its figures mean nothing); `-- --list` names
 * them; `-- --table` prints the README table from the results. Each writes bench/results/<name>.json (smoke runs: bench/results/smoke/). The benchmarks get their
 * own broker, started here and stopped at the end. Exits 1 when a benchmark throws — never because a
 * figure missed its target: that is a finding to report, not a broken benchmark.
 */
import path from "node:path";
import { benchmarks } from "./benchmarks";
import { readmeTable } from "./readme-table";
import { emptyBroker, startBenchBroker, stopBenchBroker } from "./support/bench-broker";
import { environment, gitState, writeResult } from "./support/results";

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const names = args.filter((a) => !a.startsWith("--"));

if (args.includes("--table")) {
  console.log(readmeTable());
  process.exit(0);
}
if (args.includes("--list")) {
  for (const b of benchmarks) console.log(`${b.name.padEnd(16)} ${b.description}`);
  process.exit(0);
}
const unknown = names.filter((n) => !benchmarks.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark(s): ${unknown.join(", ")}; known: ${benchmarks.map((b) => b.name).join(", ")}`,
  );
  process.exit(2);
}
const selected = names.length > 0 ? benchmarks.filter((b) => names.includes(b.name)) : benchmarks;
const log = (line: string) => console.log(`  ${line}`);

let stopping = false;
const stopOnSignal = () => {
  if (stopping) return;
  stopping = true;
  void stopBenchBroker().finally(() => process.exit(130));
};
process.on("SIGINT", stopOnSignal);
process.on("SIGTERM", stopOnSignal);
// A stray rejection must not leave the bench broker (or a benchmark's server) behind.
process.on("unhandledRejection", (error) => {
  console.error("bench: unhandled rejection:", error);
  stopOnSignal();
});

const failed: string[] = [];
const began = Date.now();
try {
  const brokers = [await startBenchBroker(log)];
  // Helpers shared with the integration tests find their broker here.
  process.env.KAFKA_BROKERS = brokers.join(",");
  for (const bench of selected) {
    console.log(`\n━━ ${bench.name}${smoke ? " (smoke)" : ""} ━━ ${bench.description}`);
    const t0 = Date.now();
    try {
      await emptyBroker(brokers);
      const outcome = await bench.run({ smoke, brokers, log });
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
    } catch (error) {
      failed.push(bench.name);
      console.error(
        `  ${bench.name} FAILED:`,
        error instanceof Error ? (error.stack ?? error.message) : error,
      );
    }
  }
} finally {
  await stopBenchBroker().catch(() => undefined);
}
console.log(
  `\nbench: ${selected.length - failed.length} ran, ${failed.length} failed${failed.length ? ` (${failed.join(", ")})` : ""} ` +
    `in ${Math.round((Date.now() - began) / 1000)} s`,
);
process.exit(failed.length > 0 ? 1 : 0);
