import { describe, expect, it } from "vitest";

import { serviceColorIndex } from "./service-color";
import { event, stitch, T0 } from "./test-builders";
import { axisTicks } from "./ticks";
import { waterfallRows } from "./waterfall";

const trace = stitch(
  [
    event({ id: "placed", service: "gateway", eventType: "OrderPlaced", at: 100 }),
    event({ id: "created", service: "order", causationId: "placed", topic: "orders", at: 110 }),
    event({ id: "paid", service: "payment", causationId: "created", topic: "payments", at: 130 }),
    event({ id: "notified", service: null, causationId: "paid", topic: "emails", at: 160 }),
    event({ id: "reserved", service: "inventory", causationId: "created", topic: "stock", at: 140 }),
  ],
  {
    consumption: [
      { group: "mailer", topic: "emails", partition: 0, committedOffset: "1", observedAt: T0 + 200 },
    ],
  },
);

describe("waterfallRows", () => {
  it("lays out one row per hop in causal order, indented by causation depth", () => {
    const rows = waterfallRows(trace).rows;
    expect(rows.map((r) => [r.id, r.depth, r.hasChildren])).toEqual([
      ["placed", 0, true],
      ["created", 1, true],
      ["paid", 2, true],
      ["notified", 3, false],
      ["reserved", 2, false],
    ]);
  });

  it("places bars from production to the next message or to consumption on a common axis", () => {
    const rows = waterfallRows(trace).rows;
    expect(rows.map((r) => [r.id, r.startOffsetMs, r.durationMs])).toEqual([
      ["placed", 0, 10],
      ["created", 10, 20],
      ["paid", 30, 30],
      ["notified", 60, 40],
      ["reserved", 40, 0],
    ]);
    expect(rows.find((r) => r.id === "notified")).toMatchObject({ queueMs: 40, processingMs: null });
  });

  it("spans the axis from the first production to the last known activity", () => {
    const { axis } = waterfallRows(trace);
    expect(axis).toEqual({ startedAt: T0 + 100, totalMs: 100, ticks: [0, 20, 40, 60, 80, 100] });
  });

  it("labels a row with its event type, else its topic", () => {
    const rows = waterfallRows(trace).rows;
    expect(rows.map((r) => r.label)).toEqual(["OrderPlaced", "orders", "payments", "emails", "stock"]);
  });

  it("folds a collapsed hop's subtree away but keeps the hop and its later siblings", () => {
    const rows = waterfallRows(trace, { collapsed: new Set(["paid"]) }).rows;
    expect(rows.map((r) => [r.id, r.collapsed])).toEqual([
      ["placed", false],
      ["created", false],
      ["paid", true],
      ["reserved", false],
    ]);
  });

  it("does not mark a leaf as collapsed, and folds everything under a collapsed root", () => {
    expect(waterfallRows(trace, { collapsed: new Set(["reserved"]) }).rows).toHaveLength(5);
    expect(waterfallRows(trace, { collapsed: new Set(["placed"]) }).rows.map((r) => r.id)).toEqual([
      "placed",
    ]);
  });

  it("marks rows whose indentation is only inferred from time, and dead letters", () => {
    const guessed = stitch([
      event({ id: "a", service: "gateway" }),
      event({ id: "b", service: "order", topic: "orders.DLQ", at: 5 }),
    ]);
    expect(waterfallRows(guessed).rows[1]).toMatchObject({
      inferredParent: true,
      deadLetter: true,
      status: "error",
    });
  });

  it("colours each service the same in every trace, within the palette, unknown services neutral", () => {
    const rows = waterfallRows(trace, { paletteSize: 5 }).rows;
    for (const row of rows) {
      expect(row.serviceColorIndex).toBe(serviceColorIndex(row.service, 5));
      if (row.service !== null) expect(row.serviceColorIndex).toBeGreaterThanOrEqual(0);
      if (row.service !== null) expect(row.serviceColorIndex).toBeLessThan(5);
    }
    expect(rows.find((r) => r.id === "notified")?.serviceColorIndex).toBeNull();
  });
});

describe("serviceColorIndex", () => {
  it("hashes the name (FNV-1a), so it does not depend on which services a trace has", () => {
    // The published FNV-1a 32-bit test vectors, seen whole through a palette of 2^32 colours.
    expect(serviceColorIndex("a", 2 ** 32)).toBe(0xe40c292c);
    expect(serviceColorIndex("foobar", 2 ** 32)).toBe(0xbf9cf968);
    expect(serviceColorIndex("a")).toBe(0xe40c292c % 8);
    const spread = new Set(
      ["gateway", "order", "payment", "inventory", "notification"].map((s) => serviceColorIndex(s)),
    );
    expect(spread.size).toBeGreaterThan(2);
    expect(serviceColorIndex("order", 1)).toBe(0);
  });
});

describe("axisTicks", () => {
  it("steps by 1, 2 or 5 times a power of ten, in whole milliseconds", () => {
    expect(axisTicks(1_000)).toEqual([0, 200, 400, 600, 800, 1_000]);
    expect(axisTicks(12_345)).toEqual([0, 5_000, 10_000]);
    expect(axisTicks(7)).toEqual([0, 2, 4, 6]);
    expect(axisTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it("has the single tick 0 for an empty span", () => {
    expect(axisTicks(0)).toEqual([0]);
  });
});
