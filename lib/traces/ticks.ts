const STEPS = [1, 2, 5, 10];

/**
 * Axis ticks from 0 to `totalMs` at a round step (1, 2 or 5 × a power of ten) giving about `count`
 * intervals, like every trace viewer's time axis. Steps are at least 1 ms because record timestamps have
 * millisecond resolution; an empty span has the single tick 0.
 */
export function axisTicks(totalMs: number, count = 5): number[] {
  if (!(totalMs > 0) || !(count >= 1)) return [0];
  const raw = totalMs / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, (STEPS.find((s) => s * magnitude >= raw) ?? 10) * magnitude);
  const ticks: number[] = [];
  for (let i = 0; i * step <= totalMs; i++) ticks.push(i * step);
  return ticks;
}
