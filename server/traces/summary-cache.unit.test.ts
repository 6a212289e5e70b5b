import { describe, expect, it } from "vitest";
import type { TraceSummary } from "@/lib/traces";
import { SummaryCache, traceCacheKey } from "@/server/traces/summary-cache";

const summary = (traceId: string) => ({ traceId }) as unknown as TraceSummary;

describe("SummaryCache", () => {
  it("answers a summary until its trace gets a new event", () => {
    const cache = new SummaryCache();
    cache.set("t1", summary("t1"), 0);
    expect(cache.get("t1", 1_000)).toEqual(summary("t1"));
    cache.invalidate("t1");
    expect(cache.get("t1", 1_000)).toBeUndefined();
  });

  it("trusts a summary only for a few seconds, as a trace's status changes with time alone", () => {
    const cache = new SummaryCache();
    cache.set("t1", summary("t1"), 0);
    expect(cache.get("t1", 4_999)).toBeDefined();
    expect(cache.get("t1", 5_001)).toBeUndefined();
  });

  it("stays within its bound, dropping the oldest entry first", () => {
    const cache = new SummaryCache();
    for (let i = 0; i <= 5_000; i++) cache.set(`t${i}`, summary(`t${i}`), 0);
    expect(cache.size).toBe(5_000);
    expect(cache.get("t0", 0)).toBeUndefined();
    expect(cache.get("t5000", 0)).toBeDefined();
  });

  it("keys a trace by its trace id, else by its correlation id", () => {
    expect(traceCacheKey("abc", "order-1")).toBe("abc");
    expect(traceCacheKey(null, "order-1")).toBe("corr:order-1");
    expect(traceCacheKey(null, null)).toBeNull();
  });
});
