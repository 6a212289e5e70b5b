import { describe, expect, it } from "vitest";
import { loadConfig } from "@/server/config";
import { memoryPlan, nodeMemoryFlags } from "@/server/memory-budget";

const MB = 1024 * 1024;

describe("memory budget", () => {
  it("gives each bounded part its share of EVENTSCOPE_MEMORY_MB", () => {
    const config = loadConfig({ EVENTSCOPE_MEMORY_MB: "512" });
    expect(config.memory).toEqual(memoryPlan(512));
    expect(config.memoryBudgetBytes).toBe(512 * MB);
    expect(config.store.cacheBytes).toBe(config.memory.sqliteCacheBytes);
    expect(config.dlq.memoryBytes).toBe(config.memory.deadLetterBytes);
  });

  it("keeps the parts that are held at once inside the budget, heap limits included", () => {
    for (const mb of [64, 256, 1024, 65_536]) {
      const plan = memoryPlan(mb);
      const heldAtOnce =
        plan.sqliteCacheBytes + plan.backlogBytes + plan.fetchBytes + plan.deadLetterBytes + plan.ledgerBytes;
      expect(heldAtOnce).toBeLessThanOrEqual(plan.budgetBytes);
      // All but SQLite's share (held outside V8), never below what the server needs to work at all (128 MB).
      expect(plan.heapMb).toBe(Math.max(128, (mb * 7) / 8));
      expect(plan.heapMb * MB + plan.sqliteCacheBytes).toBeLessThanOrEqual(
        Math.max(plan.budgetBytes, 160 * MB),
      );
      expect(plan.semiSpaceMb).toBeGreaterThanOrEqual(1);
      expect(plan.semiSpaceMb).toBeLessThanOrEqual(16);
      expect(plan.fetchBytesPerPartition).toBeLessThanOrEqual(plan.fetchBytes);
      // The event loop decodes a whole fetch response at once: a large budget must not make it long.
      expect(plan.fetchBytes).toBeLessThanOrEqual(2 * MB);
    }
  });

  it("turns the budget into node's heap options, the default when unset, none when invalid", () => {
    const plan = memoryPlan(256);
    const defaults = [`--max-old-space-size=${plan.heapMb}`, `--max-semi-space-size=${plan.semiSpaceMb}`];
    expect(nodeMemoryFlags({})).toEqual(defaults);
    expect(nodeMemoryFlags({ EVENTSCOPE_MEMORY_MB: "" })).toEqual(defaults);
    expect(nodeMemoryFlags({ EVENTSCOPE_MEMORY_MB: "1024" })).toContain("--max-old-space-size=896");
    // The server starts and names the bad value with the other configuration problems.
    expect(nodeMemoryFlags({ EVENTSCOPE_MEMORY_MB: "lots" })).toEqual([]);
  });
});
