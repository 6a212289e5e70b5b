import { describe, expect, it } from "vitest";
import { RateWindow } from "@/lib/flows/rate-window";

const at = (seconds: number) => 1_700_000_000_000 + seconds * 1000;

describe("RateWindow", () => {
  it("averages counts over the window", () => {
    const w = new RateWindow(10);
    for (let i = 0; i < 50; i++) w.record("orders", 100, at(i % 10));
    expect(w.rates(at(9)).get("orders")).toEqual({ perSec: 5, bytesPerSec: 500 });
  });

  it("forgets counts older than the window", () => {
    const w = new RateWindow(10);
    for (let i = 0; i < 20; i++) w.record("orders", 1, at(0));
    expect(w.rates(at(5)).get("orders")?.perSec).toBe(2);
    expect(w.rates(at(10)).get("orders")).toBeUndefined();
  });

  it("keeps keys apart", () => {
    const w = new RateWindow(10);
    w.record("a", 1, at(1));
    w.record("b", 1, at(1));
    w.record("b", 1, at(2));
    const rates = w.rates(at(2));
    expect(rates.get("a")?.perSec).toBeCloseTo(0.1);
    expect(rates.get("b")?.perSec).toBeCloseTo(0.2);
  });

  it("ignores a clock that steps backwards instead of wiping the window", () => {
    const w = new RateWindow(10);
    w.record("a", 1, at(5));
    w.record("a", 1, at(4));
    expect(w.rates(at(5)).get("a")?.perSec).toBeCloseTo(0.2);
  });
});
