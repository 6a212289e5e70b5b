/**
 * Counts per key in one-second buckets over a sliding window, so rates ("msgs/s over the last 10 s") cost
 * O(keys) to read and O(1) to record, whatever the event rate. Time is passed in, never read.
 */
export class RateWindow {
  private readonly buckets = new Map<string, { counts: number[]; bytes: number[] }>();
  private currentSecond: number | null = null;

  constructor(private readonly seconds = 10) {}

  record(key: string, bytes: number, nowMs: number): void {
    this.advance(nowMs);
    let entry = this.buckets.get(key);
    if (!entry) {
      entry = {
        counts: new Array<number>(this.seconds).fill(0),
        bytes: new Array<number>(this.seconds).fill(0),
      };
      this.buckets.set(key, entry);
    }
    const slot = Math.floor(nowMs / 1000) % this.seconds;
    entry.counts[slot] = (entry.counts[slot] ?? 0) + 1;
    entry.bytes[slot] = (entry.bytes[slot] ?? 0) + bytes;
  }

  /** Per-key messages/s and bytes/s averaged over the window; keys idle for a whole window are dropped. */
  rates(nowMs: number): Map<string, { perSec: number; bytesPerSec: number }> {
    this.advance(nowMs);
    const out = new Map<string, { perSec: number; bytesPerSec: number }>();
    for (const [key, entry] of this.buckets) {
      const count = entry.counts.reduce((a, b) => a + b, 0);
      if (count === 0) {
        this.buckets.delete(key);
        continue;
      }
      const bytes = entry.bytes.reduce((a, b) => a + b, 0);
      out.set(key, { perSec: count / this.seconds, bytesPerSec: bytes / this.seconds });
    }
    return out;
  }

  /** Zeroes the buckets of every second that passed since the last call, so old counts fall out. */
  private advance(nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    if (this.currentSecond === null) {
      this.currentSecond = second;
      return;
    }
    const elapsed = Math.min(second - this.currentSecond, this.seconds);
    for (let i = 1; i <= elapsed; i++) {
      const slot = (this.currentSecond + i) % this.seconds;
      for (const entry of this.buckets.values()) {
        entry.counts[slot] = 0;
        entry.bytes[slot] = 0;
      }
    }
    if (second > this.currentSecond) this.currentSecond = second;
  }
}
