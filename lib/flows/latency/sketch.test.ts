import { describe, expect, it } from "vitest";
import { LatencySketch, RELATIVE_ACCURACY } from "./sketch";

/** A deterministic pseudo-random stream (mulberry32), so a failure is reproducible. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const distributions: Record<string, (r: () => number) => number> = {
  "uniform 0–1,000 ms": (r) => r() * 1_000,
  "exponential, mean 40 ms": (r) => -40 * Math.log(1 - r()),
  "log-normal around 300 ms with a long tail": (r) => {
    const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    return Math.exp(Math.log(300) + 0.8 * z);
  },
  "bimodal: 5 ms fast path, 2 s slow path": (r) => (r() < 0.9 ? 5 + r() : 2_000 + 100 * r()),
};

describe("LatencySketch", () => {
  for (const [name, draw] of Object.entries(distributions)) {
    it(`answers p50/p95/p99 within ${RELATIVE_ACCURACY * 100} % of the exact value on ${name}`, () => {
      const r = random(42);
      const sketch = new LatencySketch();
      const values: number[] = [];
      for (let i = 0; i < 20_000; i++) {
        const v = draw(r);
        values.push(v);
        sketch.add(v);
      }
      values.sort((a, b) => a - b);
      for (const q of [0.5, 0.95, 0.99]) {
        const exact = values[Math.floor(q * (values.length - 1))]!;
        const estimate = sketch.quantile(q)!;
        expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-9);
      }
      expect(sketch.quantile(0)).toBe(values[0]);
      expect(sketch.quantile(1)).toBe(values[values.length - 1]);
      expect(sketch.count).toBe(values.length);
    });
  }

  it("merges exactly: two halves merged answer like one sketch of everything", () => {
    const r = random(7);
    const whole = new LatencySketch();
    const a = new LatencySketch();
    const b = new LatencySketch();
    for (let i = 0; i < 5_000; i++) {
      const v = -100 * Math.log(1 - r());
      whole.add(v);
      (i % 2 === 0 ? a : b).add(v);
    }
    a.merge(b);
    for (const q of [0.1, 0.5, 0.9, 0.99]) expect(a.quantile(q)).toBe(whole.quantile(q));
    expect(a.count).toBe(whole.count);
    expect(a.max).toBe(whole.max);
  });

  it("counts zero and negative (clock-skewed) latencies as 0 and ignores NaN", () => {
    const sketch = new LatencySketch();
    sketch.add(-5);
    sketch.add(0);
    sketch.add(Number.NaN);
    sketch.add(10);
    expect(sketch.count).toBe(3);
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.histogram()[0]).toEqual({ from: 0, to: 0, count: 2 });
  });

  it("stays bounded whatever it is fed: a million distinct values from 1 µs to a day", () => {
    const sketch = new LatencySketch();
    for (let i = 0; i < 1_000_000; i++) sketch.add(0.002 * Math.pow(86_400_000 / 0.002, i / 1_000_000));
    expect(sketch.histogram().length).toBeLessThanOrEqual(1_024);
    expect(sketch.bytes).toBeLessThan(64 * 1024);
    // Folding only ever merges the fastest bins: the slow end keeps its accuracy.
    const exact = 0.002 * Math.pow(86_400_000 / 0.002, Math.floor(0.99 * 999_999) / 1_000_000);
    expect(Math.abs(sketch.quantile(0.99)! - exact) / exact).toBeLessThanOrEqual(RELATIVE_ACCURACY);
  });

  it("is empty until something is added", () => {
    expect(new LatencySketch().quantile(0.5)).toBeNull();
  });
});
