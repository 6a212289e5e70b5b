/**
 * `npm run bench -- --table` prints the README's benchmark table from bench/results/: one row per figure,
 * from the full run where there is one, else from the smoke run (and says so in the row).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Figure } from "./support/figure";
import { type BenchResult, resultsDir } from "./support/results";

function load(dir: string): Map<string, BenchResult> {
  if (!existsSync(dir)) return new Map();
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  return new Map(
    files.map((f) => {
      const r = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as BenchResult;
      if (!Array.isArray(r.figures)) throw new Error(`${f} is not a benchmark result of this version`);
      return [r.benchmark, r];
    }),
  );
}

const n = (x: number | null) => (x === null || !Number.isFinite(x) ? "—" : x.toLocaleString("en-US"));

function row(r: BenchResult, f: Figure): string {
  const result = `${n(f.result.median)} ${f.unit}${f.result.runs.length > 1 ? ` (±${f.result.spreadPct}%)` : ""}`;
  const baseline = `${n(f.baseline.median)} — ${f.baseline.what}`;
  const met = f.target ? (f.target.met ? "yes" : "**no**") : "—";
  const run = `${r.smoke ? "smoke" : "full"} ${r.date.slice(0, 16).replace("T", " ")} \`${r.git.commit.slice(0, 7)}\`${r.git.dirty ? "+" : ""}`;
  return `| ${r.benchmark} | ${f.name} | ${result} | ${baseline} | ${n(f.ratio.median)}× | ${f.target?.text ?? "—"} | ${met} | ${run} |`;
}

export function readmeTable(): string {
  const full = load(resultsDir);
  const smoke = load(path.join(resultsDir, "smoke"));
  const names = [...new Set([...full.keys(), ...smoke.keys()])];
  const chosen = names.map((name) => full.get(name) ?? smoke.get(name)).filter((r) => r !== undefined);
  const env = chosen[0]?.environment;
  const lines = [
    env
      ? `Machine: ${env.cores} cores (${env.cpuModel}), ${Math.round(env.memoryBytes / 2 ** 30)} GiB, Node ${env.node}, Kafka ${env.kafka}.`
      : "No results yet.",
    "",
    "| benchmark | figure | result (median, spread) | baseline (same run) | ratio | target | met? | run |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...chosen.flatMap((r) => r.figures.map((f) => row(r, f))),
  ];
  return lines.join("\n");
}
