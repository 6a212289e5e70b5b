/** The K slowest samples seen, kept sorted slowest first; inserting costs nothing when a sample is faster. */
export interface LatencySample {
  ms: number;
  /** When the later message of the pair was produced (ms since epoch). */
  at: number;
  /** Record id (`topic/partition/offset`) of the later message. */
  recordId: string;
  traceId: string | null;
  /** For a retry or dead-letter copy: the service that produced the original (the copy's copied header). */
  originalProducer?: string;
}

export function keepSlowest(list: LatencySample[], sample: LatencySample, limit: number): void {
  const fastest = list[list.length - 1];
  if (limit <= 0 || (list.length >= limit && fastest !== undefined && sample.ms <= fastest.ms)) return;
  let i = list.length;
  while (i > 0 && list[i - 1]!.ms < sample.ms) i--;
  list.splice(i, 0, sample);
  if (list.length > limit) list.pop();
}
