/**
 * Queue time and processing time of consume hops (`P.topic → group G → M`), measured after the fact.
 * P's queue time ends when G's committed offset reaches P's offset: everything before P is done and P is
 * the next record G reads. (Not when the offset passes P: a group commits P only after processing it —
 * usually after producing M — so that would book the processing as queue time and report none.) Commits
 * are only seen by the lag poller, so a hop is offered here when it is paired and settled once a poll has
 * seen the commit: the moment lies between the last poll that saw G still before P and the first that
 * saw it at or past P, and is estimated at the middle, known to within ± half a poll interval (the
 * "precision" kept alongside). queue = that moment − P.timestamp, at most the hop; processing = hop −
 * queue (./definitions). A group that was already waiting at P when P was produced has no queue time.
 *
 * A hop shorter than its precision says nothing about its split: it is counted (`precision` has a sample
 * for every settled hop) but no queue or processing sample is taken, and the panel says from how many
 * hops the split comes. Commits in batches blur it further (P's batch may commit at once): the split is
 * the group's, not one record's.
 *
 * Bounded: at most PER_KEY_PER_SLOT hops per edge per 10 s are offered (a sample is enough for a
 * percentile), MAX_PENDING wait at once, each for at most PENDING_FOR_MS.
 */
import { processingTime, queueTime } from "./definitions";
import type { LatencySample } from "./slowest";
import { WindowedLatency } from "./windows";

export const MAX_PENDING = 2_000;
export const PENDING_FOR_MS = 15 * 60_000;
export const PER_KEY_PER_SLOT = 5;
const SLOT_MS = 10_000;

export interface QueueProbe {
  /** The consume edge's key in the aggregator. */
  key: string;
  /** The consuming service, or for a copy the group itself; the group is looked up when settling. */
  consumer: string;
  /** Where P is (offset: a decimal int64 above 0; the first record of a partition is never offered). */
  topic: string;
  partition: number;
  offset: string;
  /** P.timestamp. */
  producedAt: number;
  hopMs: number;
  /** The hop's sample (M's time, record and trace), so splits are filed where the hop is. */
  sample: LatencySample;
}

/** Two polls of the group's committed offset around P: still before P at `notYetAt`, at or past it by `consumedBy`. */
export interface PassedBounds {
  notYetAt: number | null;
  consumedBy: number | null;
}

export interface QueueSeries {
  queue: WindowedLatency;
  processing: WindowedLatency;
  /** ± half the poll interval around each settled hop's commit, one sample per settled hop. */
  precision: WindowedLatency;
}

export class QueueSplits {
  private pending: { probe: QueueProbe; offeredAt: number }[] = [];
  private readonly offered = new Map<string, { slot: number; n: number }>();
  readonly series = new Map<string, QueueSeries>();

  constructor(private readonly maxKeys: number) {}

  /** Takes the hop when its edge has room in this 10-second slot and the pending list has room. */
  offer(probe: QueueProbe, nowMs: number): void {
    if (this.pending.length >= MAX_PENDING) return;
    const slot = Math.floor(nowMs / SLOT_MS);
    const taken = this.offered.get(probe.key);
    if (taken && taken.slot === slot) {
      if (taken.n >= PER_KEY_PER_SLOT) return;
      taken.n++;
    } else if (taken || this.offered.size < this.maxKeys) this.offered.set(probe.key, { slot, n: 1 });
    else return;
    this.pending.push({ probe, offeredAt: nowMs });
  }

  /**
   * Settles every pending hop whose commit a poll has seen (`bounds` answers for the probe's group, null
   * when its group is not known yet); the others wait, until PENDING_FOR_MS.
   */
  settle(bounds: (probe: QueueProbe) => PassedBounds | null, nowMs: number): void {
    const waiting: typeof this.pending = [];
    for (const entry of this.pending) {
      const { probe } = entry;
      if (nowMs - entry.offeredAt > PENDING_FOR_MS) continue;
      const seen = bounds(probe);
      if (!seen || seen.consumedBy === null) {
        waiting.push(entry);
        continue;
      }
      const series = this.seriesOf(probe.key);
      if (!series) continue;
      // No earlier poll kept: the commit could have come right after P was produced.
      const { atLeast, atMost } = queueTime(
        probe.producedAt,
        seen.notYetAt ?? probe.producedAt,
        seen.consumedBy,
      );
      const half = (atMost - atLeast) / 2;
      series.precision.record({ ...probe.sample, ms: half });
      if (half >= probe.hopMs) continue;
      const queueMs = Math.min(probe.hopMs, atLeast + half);
      series.queue.record({ ...probe.sample, ms: queueMs });
      series.processing.record({ ...probe.sample, ms: processingTime(probe.hopMs, queueMs) });
    }
    this.pending = waiting;
    for (const [key, taken] of this.offered)
      if (taken.slot < Math.floor(nowMs / SLOT_MS) - 1) this.offered.delete(key);
  }

  /** Forgets edges with nothing in the last hour. */
  tick(nowMs: number): void {
    for (const [key, s] of this.series) if (s.precision.idle(nowMs)) this.series.delete(key);
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  get bytes(): number {
    let total = this.pending.length * 400 + this.offered.size * 120;
    for (const s of this.series.values()) total += s.queue.bytes + s.processing.bytes + s.precision.bytes;
    return total;
  }

  private seriesOf(key: string): QueueSeries | undefined {
    let series = this.series.get(key);
    if (!series && this.series.size < this.maxKeys) {
      series = {
        queue: new WindowedLatency(),
        processing: new WindowedLatency(),
        precision: new WindowedLatency(),
      };
      this.series.set(key, series);
    }
    return series;
  }
}
