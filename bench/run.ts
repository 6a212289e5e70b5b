/**
 * `npm run bench` runs every benchmark; `npm run bench -- ingest latency` only those; `-- --smoke` tiny
 * sizes of each (CI: proves they still run, under 3 minutes; its figures mean nothing); `-- --list` names
 * them; `-- --table` prints the README table from the results. Each benchmark runs in a process of its
 * own (bench/run-one.ts) and writes bench/results/<name>.json (smoke runs: bench/results/smoke/). The
 * benchmarks share one broker of their own, started here, emptied before each and stopped at the end.
 * Exits 1 when a benchmark throws — never because a figure missed its target: that is a finding to
 * report, not a broken benchmark.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { benchmarks } from "./benchmarks";
import { readmeTable } from "./readme-table";
import { emptyBroker, startBenchBroker, stopBenchBroker } from "./support/bench-broker";

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
/** The benchmark running now: stopped with the run, so it cannot outlive the broker it measures. */
let running: ChildProcess | null = null;
const stopOnSignal = () => {
  if (stopping) return;
  stopping = true;
  running?.kill("SIGTERM");
  void stopBenchBroker().finally(() => process.exit(130));
};
process.on("SIGINT", stopOnSignal);
process.on("SIGTERM", stopOnSignal);
// A stray rejection must not leave the bench broker (or a benchmark's server) behind.
process.on("unhandledRejection", (error) => {
  console.error("bench: unhandled rejection:", error);
  stopOnSignal();
});

/** Runs one benchmark in a child process with this process's Node flags (--expose-gc, heap size, tsx). */
function runInChild(name: string, brokers: string[]): Promise<boolean> {
  const script = fileURLToPath(new URL("./run-one.ts", import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, script, name, ...(smoke ? ["--smoke"] : [])],
      {
        stdio: "inherit",
        env: { ...process.env, KAFKA_BROKERS: brokers.join(",") },
      },
    );
    running = child;
    child.on("exit", (code) => {
      running = null;
      resolve(code === 0);
    });
    child.on("error", () => resolve(false));
  });
}

const failed: string[] = [];
const began = Date.now();
try {
  const brokers = [await startBenchBroker(log)];
  for (const bench of selected) {
    console.log(`\n━━ ${bench.name}${smoke ? " (smoke)" : ""} ━━ ${bench.description}`);
    await emptyBroker(brokers);
    if (!(await runInChild(bench.name, brokers))) failed.push(bench.name);
  }
} finally {
  await stopBenchBroker().catch(() => undefined);
}
console.log(
  `\nbench: ${selected.length - failed.length} ran, ${failed.length} failed${failed.length ? ` (${failed.join(", ")})` : ""} ` +
    `in ${Math.round((Date.now() - began) / 1000)} s`,
);
process.exit(failed.length > 0 ? 1 : 0);
