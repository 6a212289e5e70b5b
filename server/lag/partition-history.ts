/**
 * A bounded history of one group's partition: (time, committed offset, end offset, time lag) per poll,
 * for the charts and for "when did this group consume offset N" (traces).
 *
 * Memory: one point per time slot (the newest observation of a slot replaces the older one), at most
 * `capacity` points, stored column-wise in typed arrays (32 bytes a point; offsets as exact int64) that
 * grow on demand, so a partition seen for a minute does not reserve an hour. Slots are aligned to the
 * epoch, so the histories of every partition share slot boundaries and can be summed slot by slot.
 */
export interface HistoryPoint {
  t: number;
  slot: number;
  committed: bigint | null;
  end: bigint | null;
  timeLagMs: number | null;
}

const NONE = -1n;
const INITIAL_ROOM = 32;

export class PartitionHistory {
  private t = new Float64Array(0);
  private committed = new BigInt64Array(0);
  private end = new BigInt64Array(0);
  private timeLag = new Float64Array(0);
  private start = 0;
  private size = 0;

  constructor(
    readonly capacity: number,
    readonly slotMs: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 2)
      throw new RangeError(`capacity must be ≥ 2: ${capacity}`);
    if (!(slotMs > 0)) throw new RangeError(`slotMs must be > 0: ${slotMs}`);
  }

  get length(): number {
    return this.size;
  }

  push(point: Omit<HistoryPoint, "slot">): void {
    const newest = this.size > 0 ? this.index(this.size - 1) : -1;
    if (newest >= 0 && point.t <= (this.t[newest] ?? 0)) return;
    let at: number;
    if (newest >= 0 && this.slotOf(this.t[newest] ?? 0) === this.slotOf(point.t)) {
      at = newest;
    } else {
      if (this.size === this.t.length && this.size < this.capacity) this.grow();
      if (this.size === this.capacity) {
        this.start = (this.start + 1) % this.capacity;
        this.size -= 1;
      }
      at = this.index(this.size);
      this.size += 1;
    }
    this.t[at] = point.t;
    this.committed[at] = point.committed ?? NONE;
    this.end[at] = point.end ?? NONE;
    this.timeLag[at] = point.timeLagMs ?? Number.NaN;
  }

  /** Points oldest first, optionally only those at or after `since`. */
  points(since = Number.NEGATIVE_INFINITY): HistoryPoint[] {
    const out: HistoryPoint[] = [];
    for (let i = 0; i < this.size; i += 1) {
      const at = this.index(i);
      const t = this.t[at] ?? 0;
      if (t < since) continue;
      const committed = this.committed[at] ?? NONE;
      const end = this.end[at] ?? NONE;
      const timeLag = this.timeLag[at] ?? Number.NaN;
      out.push({
        t,
        slot: this.slotOf(t),
        committed: committed === NONE ? null : committed,
        end: end === NONE ? null : end,
        timeLagMs: Number.isNaN(timeLag) ? null : timeLag,
      });
    }
    return out;
  }

  slotOf(t: number): number {
    return Math.floor(t / this.slotMs);
  }

  private index(i: number): number {
    return (this.start + i) % Math.max(1, this.t.length);
  }

  /** Only called before the ring is full, when the data is contiguous from index 0. */
  private grow(): void {
    const room = Math.min(this.capacity, Math.max(INITIAL_ROOM, this.t.length * 2));
    const t = new Float64Array(room);
    const committed = new BigInt64Array(room);
    const end = new BigInt64Array(room);
    const timeLag = new Float64Array(room);
    t.set(this.t);
    committed.set(this.committed);
    end.set(this.end);
    timeLag.set(this.timeLag);
    this.t = t;
    this.committed = committed;
    this.end = end;
    this.timeLag = timeLag;
  }
}

/** History geometry for a poll interval: ≥ `retentionMs` of slots, one slot per poll at most. */
export function historyGeometry(
  intervalMs: number,
  retentionMs = 3_600_000,
  maxPoints = 720,
): { slotMs: number; capacity: number } {
  const slotMs = Math.max(intervalMs, Math.ceil(retentionMs / maxPoints));
  return { slotMs, capacity: Math.ceil(retentionMs / slotMs) + 1 };
}
