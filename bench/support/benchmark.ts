/** What every benchmark is to the runner: a name, and a run that returns figures and supporting details. */
import type { Figure } from "./figure";

export interface BenchContext {
  /** Tiny sizes: proves the benchmark still works (CI), says nothing about performance. */
  smoke: boolean;
  /**
   * Timed runs of each variant: 3 in a full run (a median and a spread), 1 in a smoke run, which only
   * has to prove that every step still works.
   */
  repetitions: number;
  /** The benchmarks' own broker. */
  brokers: string[];
  log(line: string): void;
}

export interface BenchOutcome {
  figures: Figure[];
  details: Record<string, unknown>;
}

export interface Benchmark {
  name: string;
  /** One line for `npm run bench -- --list` and the result file. */
  description: string;
  run(ctx: BenchContext): Promise<BenchOutcome>;
}
