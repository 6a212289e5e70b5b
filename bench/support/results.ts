/** Writes bench/results/<name>.json: the figures plus where, when and on which code they were measured. */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { KAFKA_VERSION, repoRoot } from "../../scripts/kafka/paths";
import type { Figure } from "./figure";

export const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "results");

export interface Environment {
  cores: number;
  cpuModel: string;
  memoryBytes: number;
  node: string;
  kafka: string;
  os: string;
}

export function environment(): Environment {
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryBytes: os.totalmem(),
    node: process.version,
    kafka: KAFKA_VERSION,
    os: `${os.type()} ${os.release()}`,
  };
}

/**
 * The commit measured, and whether tracked files had uncommitted changes (then the figure may not match
 * it). Result files do not count: a run writes them itself.
 */
export function gitState(): { commit: string; dirty: boolean } {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" }).trim();
  try {
    return {
      commit: git("rev-parse", "HEAD"),
      dirty: git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/results").length > 0,
    };
  } catch {
    return { commit: "unknown", dirty: true };
  }
}

export interface BenchResult {
  benchmark: string;
  smoke: boolean;
  date: string;
  git: { commit: string; dirty: boolean };
  environment: Environment;
  seconds: number;
  figures: Figure[];
  details: Record<string, unknown>;
}

export function writeResult(result: BenchResult): string {
  mkdirSync(resultsDir, { recursive: true });
  // A smoke run never overwrites the figures of a full run.
  const file = path.join(resultsDir, result.smoke ? "smoke" : "", `${result.benchmark}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
  return file;
}
