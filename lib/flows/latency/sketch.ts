/**
 * A DDSketch (Masson, Rim & Lee, VLDB 2019) for non-negative latencies in milliseconds: every quantile it
 * answers is within RELATIVE_ACCURACY (1 %) of a value that really was recorded at that rank, whatever the
 * distribution, and two sketches merge exactly (bin counts add). Bins are logarithmic: bin i holds values
 * in (γ^(i-1), γ^i] with γ = (1 + α) / (1 − α), so 1 ms … 1 day needs about 900 bins at most and a typical
 * hop (a few ms to a few s) a few dozen. MAX_BINS caps a sketch whatever it is fed: past it the lowest bins
 * fold into one, which only ever loses accuracy at the fast end, never for p50/p99 of slow messages.
 */
export const RELATIVE_ACCURACY = 0.01;
const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);
/** Values at or below this (ms) count as zero: well under anything a Kafka timestamp can resolve. */
const MIN_VALUE = 0.001;
export const MAX_BINS = 1_024;

export interface HistogramBin {
  /** Lower and upper bound of the bin in ms (a bin of zeros has both 0). */
  from: number;
  to: number;
  count: number;
}

/** A sketch as plain data, to save it across restarts (see ./snapshot). */
export interface SketchState {
  /** [bin index, count], any order. */
  bins: [number, number][];
  zeros: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export class LatencySketch {
  private readonly bins = new Map<number, number>();
  private zeros = 0;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  add(valueMs: number): void {
    if (!Number.isFinite(valueMs)) return;
    const value = Math.max(0, valueMs);
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (value <= MIN_VALUE) {
      this.zeros++;
      return;
    }
    const index = Math.ceil(Math.log(value) / LOG_GAMMA);
    this.bins.set(index, (this.bins.get(index) ?? 0) + 1);
    if (this.bins.size > MAX_BINS) this.foldLowest();
  }

  merge(other: LatencySketch): void {
    if (other.count === 0) return;
    for (const [index, n] of other.bins) this.bins.set(index, (this.bins.get(index) ?? 0) + n);
    this.zeros += other.zeros;
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    while (this.bins.size > MAX_BINS) this.foldLowest();
  }

  state(): SketchState {
    const { zeros, count, sum, min, max } = this;
    return { bins: [...this.bins], zeros, count, sum, min, max };
  }

  /** The sketch a `state()` came from; assumes a state that passed ./snapshot's schema. */
  static fromState(state: SketchState): LatencySketch {
    const sketch = new LatencySketch();
    for (const [index, n] of state.bins) sketch.bins.set(index, (sketch.bins.get(index) ?? 0) + n);
    while (sketch.bins.size > MAX_BINS) sketch.foldLowest();
    sketch.zeros = state.zeros;
    sketch.count = state.count;
    sketch.sum = state.sum;
    sketch.min = state.count === 0 ? Infinity : state.min;
    sketch.max = state.count === 0 ? -Infinity : state.max;
    return sketch;
  }

  /** The value at quantile q (0..1), or null when empty. Exact at the extremes (min/max are kept). */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    if (q <= 0) return this.min;
    if (q >= 1) return this.max;
    const rank = q * (this.count - 1);
    let seen = this.zeros;
    if (rank < seen) return 0;
    for (const index of this.sortedIndexes()) {
      seen += this.bins.get(index) ?? 0;
      // The bin's midpoint in relative terms: within α of every value the bin holds.
      if (rank < seen) return clamp((2 * GAMMA ** index) / (GAMMA + 1), this.min, this.max);
    }
    return this.max;
  }

  /** The recorded distribution as bins, fastest first (zeros first when there are any). */
  histogram(): HistogramBin[] {
    const out: HistogramBin[] = this.zeros > 0 ? [{ from: 0, to: 0, count: this.zeros }] : [];
    for (const index of this.sortedIndexes())
      out.push({ from: GAMMA ** (index - 1), to: GAMMA ** index, count: this.bins.get(index) ?? 0 });
    return out;
  }

  /** Approximate heap bytes held, for byte-bounded callers (a Map entry is about 40 bytes in V8). */
  get bytes(): number {
    return 96 + this.bins.size * 40;
  }

  private sortedIndexes(): number[] {
    return [...this.bins.keys()].sort((a, b) => a - b);
  }

  private foldLowest(): void {
    const [lowest, next] = this.sortedIndexes();
    if (lowest === undefined || next === undefined) return;
    this.bins.set(next, (this.bins.get(next) ?? 0) + (this.bins.get(lowest) ?? 0));
    this.bins.delete(lowest);
  }
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
