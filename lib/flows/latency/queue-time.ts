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
 * Bounded in memory and in work per poll: at most PER_KEY_PER_SLOT hops per edge per 10 s are offered (a
 * sample is enough for a percentile), at most PER_KEY_PENDING wait per edge (a stopped group cannot crowd
 * out the others), each for at most PENDING_FOR_MS — or GROUP_WAIT_MS while its group is not known — and
 * a poll checks at most MAX_CHECKS_PER_SETTLE of them (each check asks the lag history), edges in turn.
 */
import { processingTime, queueTime } from "./definitions";
import type { LatencySample } from "./slowest";
import { WindowedLatency } from "./windows";

export const PER_KEY_PENDING = 20;
export const MAX_CHECKS_PER_SETTLE = 50;
export const PENDING_FOR_MS = 15 * 60_000;
const GROUP_WAIT_MS = 60_000;
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

interface Pending {
  probe: QueueProbe;
  offeredAt: number;
}

export class QueueSplits {
  private readonly pending = new Map<string, Pending[]>();
  /** Where the next settle starts among the edges, so a poll's check budget reaches every edge in turn. */
  private cursor = 0;
  private readonly offered = new Map<string, { slot: number; n: number }>();
  readonly series = new Map<string, QueueSeries>();

  constructor(private readonly maxKeys: number) {}

  /** Takes the hop when its edge has room in this 10-second slot and in its pending list. */
  offer(probe: QueueProbe, nowMs: number): void {
    const waiting = this.pending.get(probe.key);
    if (waiting ? waiting.length >= PER_KEY_PENDING : this.pending.size >= this.maxKeys) return;
    const slot = Math.floor(nowMs / SLOT_MS);
    const taken = this.offered.get(probe.key);
    if (taken && taken.slot === slot) {
      if (taken.n >= PER_KEY_PER_SLOT) return;
      taken.n++;
    } else if (taken || this.offered.size < this.maxKeys) this.offered.set(probe.key, { slot, n: 1 });
    else return;
    if (waiting) waiting.push({ probe, offeredAt: nowMs });
    else this.pending.set(probe.key, [{ probe, offeredAt: nowMs }]);
  }

  /**
   * Settles pending hops whose commit a poll has seen. `bounds` answers for the probe's group, or null
   * when the group (or its history on P's partition) is not known yet; the others wait.
   */
  settle(bounds: (probe: QueueProbe) => PassedBounds | null, nowMs: number): void {
    const keys = [...this.pending.keys()];
    let checks = 0;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[(this.cursor + k) % keys.length]!;
      const waiting: Pending[] = [];
      for (const entry of this.pending.get(key) ?? []) {
        const age = nowMs - entry.offeredAt;
        if (age > PENDING_FOR_MS) continue;
        if (checks >= MAX_CHECKS_PER_SETTLE) {
          waiting.push(entry);
          continue;
        }
        checks++;
        const seen = bounds(entry.probe);
        if (seen === null) {
          if (age < GROUP_WAIT_MS) waiting.push(entry);
        } else if (seen.consumedBy === null) waiting.push(entry);
        else this.record(entry.probe, seen.notYetAt, seen.consumedBy);
      }
      if (waiting.length > 0) this.pending.set(key, waiting);
      else this.pending.delete(key);
    }
    this.cursor = keys.length === 0 ? 0 : (this.cursor + 1) % keys.length;
    for (const [key, taken] of this.offered)
      if (taken.slot < Math.floor(nowMs / SLOT_MS) - 1) this.offered.delete(key);
  }

  /** Forgets edges with nothing in the last hour. */
  tick(nowMs: number): void {
    for (const [key, s] of this.series) if (s.precision.idle(nowMs)) this.series.delete(key);
  }

  get pendingCount(): number {
    let n = 0;
    for (const list of this.pending.values()) n += list.length;
    return n;
  }

  get bytes(): number {
    let total = this.pendingCount * 400 + this.offered.size * 120;
    for (const s of this.series.values()) total += s.queue.bytes + s.processing.bytes + s.precision.bytes;
    return total;
  }

  private record(probe: QueueProbe, notYetAt: number | null, consumedBy: number): void {
    const series = this.seriesOf(probe.key);
    if (!series) return;
    // No earlier poll kept: the commit could have come right after P was produced.
    const { atLeast, atMost } = queueTime(probe.producedAt, notYetAt ?? probe.producedAt, consumedBy);
    const half = (atMost - atLeast) / 2;
    series.precision.record({ ...probe.sample, ms: half });
    if (half >= probe.hopMs) return;
    const queueMs = Math.min(probe.hopMs, atLeast + half);
    series.queue.record({ ...probe.sample, ms: queueMs });
    series.processing.record({ ...probe.sample, ms: processingTime(probe.hopMs, queueMs) });
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
