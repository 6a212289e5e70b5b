import { describe, expect, it } from "vitest";
import { mergeSlots, WindowedLatency } from "./windows";

const T0 = 1_700_000_000_000 - (1_700_000_000_000 % 3_600_000);
const sample = (ms: number, at: number) => ({ ms, at, recordId: `t/0/${at}`, traceId: null });

function stats(w: WindowedLatency, window: "1m" | "5m" | "1h", end: number, now = end) {
  const { sketch, slowest } = mergeSlots(w.slots(window, end, now), 3);
  return { count: sketch.count, p50: sketch.quantile(0.5), slowest: slowest.map((s) => s.ms) };
}

describe("WindowedLatency", () => {
  it("keeps the last minute in the 1 m window and lets older samples expire from it", () => {
    const w = new WindowedLatency();
    w.record(sample(100, T0));
    w.record(sample(200, T0 + 30_000));
    expect(stats(w, "1m", T0 + 30_000).count).toBe(2);
    // 70 s later the first sample's 10-second slot has left the minute; the second is still in it.
    expect(stats(w, "1m", T0 + 70_000).count).toBe(1);
    expect(stats(w, "1m", T0 + 100_000).count).toBe(0);
    expect(stats(w, "5m", T0 + 100_000).count).toBe(2);
  });

  it("expires from the 5 m and 1 h windows by the minute", () => {
    const w = new WindowedLatency();
    w.record(sample(100, T0));
    expect(stats(w, "5m", T0 + 4 * 60_000).count).toBe(1);
    expect(stats(w, "5m", T0 + 5 * 60_000).count).toBe(0);
    expect(stats(w, "1h", T0 + 59 * 60_000).count).toBe(1);
    expect(stats(w, "1h", T0 + 60 * 60_000).count).toBe(0);
    expect(w.idle(T0 + 60 * 60_000)).toBe(true);
  });

  it("reads back an earlier moment of the hour as it was (scrubbing), and drops samples older than the ring", () => {
    const w = new WindowedLatency();
    for (let i = 0; i < 10; i++) w.record(sample(50, T0 + i * 1_000));
    for (let i = 0; i < 10; i++) w.record(sample(400, T0 + 30 * 60_000 + i * 1_000));
    const now = T0 + 40 * 60_000;
    expect(stats(w, "1m", T0 + 30_000, now)).toMatchObject({ count: 10 });
    expect(stats(w, "1m", T0 + 30_000, now).p50).toBeCloseTo(50, -1);
    expect(stats(w, "5m", T0 + 32 * 60_000, now).p50).toBeCloseTo(400, -1);
    w.record(sample(999, T0 - 3_600_000));
    expect(stats(w, "1h", now).slowest).toEqual([400, 400, 400]);
  });

  it("keeps the slowest samples of a window, slowest first", () => {
    const w = new WindowedLatency();
    [30, 900, 10, 450, 700].forEach((ms, i) => w.record(sample(ms, T0 + i)));
    expect(stats(w, "1m", T0 + 10).slowest).toEqual([900, 700, 450]);
  });
});
