/**
 * A figure is one measured promise: the result, a baseline measured in the same run (the machine is
 * shared and noisy, so only ratios compare across runs), their ratio per repetition, and the target.
 */
import { type Summary, summarize } from "./stats";

export interface Figure {
  name: string;
  unit: string;
  result: Summary;
  baseline: Summary & { what: string };
  /** result ÷ baseline, per repetition when both have the same number of runs. */
  ratio: Summary;
  target: { text: string; met: boolean } | null;
}

export interface FigureSpec {
  name: string;
  unit: string;
  result: number[];
  baseline: number[];
  baselineWhat: string;
  /** The promise this figure checks; `met` sees the summarised result and ratio. */
  target?: { text: string; met: (f: { result: Summary; ratio: Summary }) => boolean };
}

export function figure(spec: FigureSpec): Figure {
  const result = summarize(spec.result);
  const baseline = summarize(spec.baseline);
  const paired = spec.result.length === spec.baseline.length;
  const ratios = paired
    ? spec.result.map((r, i) => r / (spec.baseline[i] ?? NaN))
    : [result.median / baseline.median];
  const ratio = summarize(ratios);
  const target = spec.target ? { text: spec.target.text, met: spec.target.met({ result, ratio }) } : null;
  return {
    name: spec.name,
    unit: spec.unit,
    result,
    baseline: { what: spec.baselineWhat, ...baseline },
    ratio,
    target,
  };
}
