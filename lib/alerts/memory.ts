/**
 * What some rules need to remember between evaluations: recent DLQ sizes (is it growing?) and which
 * topics had traffic (a topic that never had any has not "stopped"). Updated once per evaluation.
 */
import type { Observations } from "@/lib/alerts/observations";

/** "Growing" compares the pending count with what it was this long ago. */
export const DLQ_GROWTH_WINDOW_MS = 60_000;

export interface EvaluationMemory {
  /** Per DLQ topic, pending counts oldest first, kept for a little over the growth window. */
  dlqSamples: Map<string, { t: number; pending: number }[]>;
  /** Per topic, the highest read rate seen (records/s). */
  peakRates: Map<string, number>;
}

export function emptyMemory(): EvaluationMemory {
  return { dlqSamples: new Map(), peakRates: new Map() };
}

export function remember(memory: EvaluationMemory, obs: Observations, now: number): EvaluationMemory {
  const dlqSamples = new Map(memory.dlqSamples);
  if (obs.dlqTopics) {
    const present = new Set(obs.dlqTopics.map((d) => d.topic));
    for (const topic of dlqSamples.keys()) if (!present.has(topic)) dlqSamples.delete(topic);
    for (const { topic, pending } of obs.dlqTopics) {
      const kept = (dlqSamples.get(topic) ?? []).filter((s) => now - s.t <= DLQ_GROWTH_WINDOW_MS * 2);
      dlqSamples.set(topic, [...kept, { t: now, pending }]);
    }
  }
  const peakRates = new Map(memory.peakRates);
  for (const { topic, perSec } of obs.topicRates ?? [])
    peakRates.set(topic, Math.max(perSec, peakRates.get(topic) ?? 0));
  return { dlqSamples, peakRates };
}

/** Letters added over the growth window: now minus the newest sample at least a window old (else the oldest). */
export function dlqGrowth(samples: readonly { t: number; pending: number }[], now: number): number {
  const latest = samples.at(-1);
  if (!latest) return 0;
  const old = samples.filter((s) => now - s.t >= DLQ_GROWTH_WINDOW_MS);
  const base = old.at(-1) ?? samples[0] ?? latest;
  return Math.max(0, latest.pending - base.pending);
}
