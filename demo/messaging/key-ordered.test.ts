import { describe, expect, it } from "vitest";
import { runKeyOrdered } from "./key-ordered";

const tick = () => new Promise((r) => setTimeout(r, 5));
const items = ["a1", "b1", "a2", "c1", "b2", "a3"];
const options = (over: Partial<Parameters<typeof runKeyOrdered<string, boolean>>[1]> = {}) => ({
  keyOf: (item: string) => item[0] ?? "",
  limit: () => 8,
  canStart: () => true,
  isComplete: (ok: boolean) => ok,
  ...over,
});

describe("runKeyOrdered", () => {
  it("keeps each key's order while different keys run at once, within the limit", async () => {
    const log: string[] = [];
    let active = 0;
    let peak = 0;
    const outcomes = await runKeyOrdered(items, options({ limit: () => 2 }), async (item) => {
      active += 1;
      peak = Math.max(peak, active);
      await tick();
      log.push(item);
      active -= 1;
      return true;
    });
    expect(outcomes.every((o) => o.state === "done")).toBe(true);
    for (const key of ["a", "b"]) {
      expect(log.filter((i) => i.startsWith(key))).toEqual(items.filter((i) => i.startsWith(key)));
    }
    expect(peak).toBe(2);
  });

  it("never runs a key's later items after one of them failed, and starts nothing new", async () => {
    const ran: string[] = [];
    const outcomes = await runKeyOrdered(items, options({ limit: () => 1 }), async (item) => {
      ran.push(item);
      if (item === "b1") throw new Error("boom");
      return true;
    });
    expect(outcomes.map((o) => o.state)).toEqual([
      "done",
      "failed",
      "not-run",
      "not-run",
      "not-run",
      "not-run",
    ]);
    expect(ran).toEqual(["a1", "b1"]);
  });

  it("stops after an item that is not complete (a deferred retry) and when told to stop", async () => {
    const deferred = await runKeyOrdered(items, options({ limit: () => 1 }), async (item) => item !== "a1");
    expect(deferred.map((o) => o.state)).toEqual([
      "done",
      "not-run",
      "not-run",
      "not-run",
      "not-run",
      "not-run",
    ]);
    let started = 0;
    const halted = await runKeyOrdered(items, options({ canStart: () => started < 2 }), async () => {
      started += 1;
      return true;
    });
    expect(halted.filter((o) => o.state === "done")).toHaveLength(2);
  });
});
