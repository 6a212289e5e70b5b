/**
 * Latency over sliding windows without keeping samples: time is cut into slots, each slot holds one
 * sketch and its few slowest samples, and a window merges the slots it covers. Two rings keep memory
 * small and the 1-minute window sharp: six 10-second slots for the last minute, sixty 1-minute slots for
 * the last hour (5 min and 1 h, and any earlier moment of the hour when the graph is scrubbed back).
 * A window holds the slot in progress and the ones before it, so "5 m" spans 4–5 minutes. Time is
 * passed in, never read, and a slot is reused (cleared) once its time has gone past the ring.
 */
import { keepSlowest, type LatencySample } from "./slowest";
import { LatencySketch, type SketchState } from "./sketch";

export const WINDOWS = { "1m": 60_000, "5m": 300_000, "1h": 3_600_000 } as const;
export type LatencyWindow = keyof typeof WINDOWS;

const FINE = { slotMs: 10_000, slots: 6 };
const COARSE = { slotMs: 60_000, slots: 60 };
/** Slowest samples kept per slot: enough for "the slowest recent messages" of any window. */
export const SLOWEST_PER_SLOT = 5;

export interface Slot {
  start: number;
  sketch: LatencySketch;
  slowest: LatencySample[];
}

/** A slot as plain data, to save it across restarts (see ./snapshot). */
export interface SlotState {
  start: number;
  sketch: SketchState;
  slowest: LatencySample[];
}

/** Both rings of a WindowedLatency as plain data. */
export interface WindowedState {
  fine: SlotState[];
  coarse: SlotState[];
}

class SlotRing {
  private readonly slots: (Slot | undefined)[];

  constructor(private readonly shape: { slotMs: number; slots: number }) {
    this.slots = new Array<Slot | undefined>(shape.slots);
  }

  record(sample: LatencySample): void {
    const slot = this.slotAt(sample.at);
    if (!slot) return;
    slot.sketch.add(sample.ms);
    keepSlowest(slot.slowest, sample, SLOWEST_PER_SLOT);
  }

  /** Merges a saved slot into the slot of its time, as if its samples had been recorded now. */
  absorb(saved: SlotState): void {
    const slot = this.slotAt(saved.start);
    if (!slot) return;
    slot.sketch.merge(LatencySketch.fromState(saved.sketch));
    for (const sample of saved.slowest) keepSlowest(slot.slowest, sample, SLOWEST_PER_SLOT);
  }

  state(): SlotState[] {
    return this.slots
      .filter((s): s is Slot => s !== undefined)
      .map((s) => ({ start: s.start, sketch: s.sketch.state(), slowest: s.slowest }));
  }

  /** The slot holding time `at`, cleared first when it still holds an older time; none when `at` is older. */
  private slotAt(at: number): Slot | undefined {
    const start = Math.floor(at / this.shape.slotMs) * this.shape.slotMs;
    const i = (start / this.shape.slotMs) % this.shape.slots;
    let slot = this.slots[i];
    // A sample older than what the ring already moved on to has nowhere to go.
    if (slot && slot.start > start) return undefined;
    if (!slot || slot.start !== start) {
      slot = { start, sketch: new LatencySketch(), slowest: [] };
      this.slots[i] = slot;
    }
    return slot;
  }

  /** Slots that started in (endMs − spanMs, endMs], oldest first. */
  covering(endMs: number, spanMs: number): Slot[] {
    const out = this.slots.filter(
      (s): s is Slot => s !== undefined && s.start <= endMs && s.start > endMs - spanMs,
    );
    return out.sort((a, b) => a.start - b.start);
  }

  get bytes(): number {
    let total = 64 + this.slots.length * 8;
    for (const s of this.slots) if (s) total += s.sketch.bytes + s.slowest.length * 160;
    return total;
  }

  /** True when no slot holds anything recorded in the ring's span before `nowMs`. */
  idle(nowMs: number): boolean {
    return this.covering(nowMs, this.shape.slotMs * this.shape.slots).length === 0;
  }
}

export class WindowedLatency {
  private readonly fine = new SlotRing(FINE);
  private readonly coarse = new SlotRing(COARSE);

  /** Files the sample under its own time (`at`), so history read back at start-up lands where it was. */
  record(sample: LatencySample): void {
    this.fine.record(sample);
    this.coarse.record(sample);
  }

  /** The slots a window ending at `endMs` merges; the 1-minute window at the present uses 10 s slots. */
  slots(window: LatencyWindow, endMs: number, nowMs: number): Slot[] {
    const span = WINDOWS[window];
    if (span <= FINE.slotMs * FINE.slots && nowMs - endMs < FINE.slotMs)
      return this.fine.covering(endMs, span);
    return this.coarse.covering(endMs, Math.max(span, COARSE.slotMs));
  }

  /** Per-minute slots of the hour before `endMs`, for percentiles over time. */
  minutes(endMs: number): Slot[] {
    return this.coarse.covering(endMs, COARSE.slotMs * COARSE.slots);
  }

  idle(nowMs: number): boolean {
    return this.coarse.idle(nowMs);
  }

  state(): WindowedState {
    return { fine: this.fine.state(), coarse: this.coarse.state() };
  }

  /** Merges saved rings into these (after a restart, while new samples may already be arriving). */
  absorb(saved: WindowedState): void {
    for (const slot of saved.fine) this.fine.absorb(slot);
    for (const slot of saved.coarse) this.coarse.absorb(slot);
  }

  get bytes(): number {
    return this.fine.bytes + this.coarse.bytes;
  }
}

/** One sketch and the slowest samples of a set of slots. */
export function mergeSlots(slots: readonly Slot[], slowestLimit: number) {
  const sketch = new LatencySketch();
  const slowest: LatencySample[] = [];
  for (const slot of slots) {
    sketch.merge(slot.sketch);
    for (const sample of slot.slowest) keepSlowest(slowest, sample, slowestLimit);
  }
  return { sketch, slowest };
}
