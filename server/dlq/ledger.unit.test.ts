import { describe, expect, it } from "vitest";
import { Ledger, TYPICAL_ENTRY_BYTES } from "@/server/dlq/ledger";
import type { LedgerValue } from "@/server/dlq/records";

function entry(taskId = "3f2c1a9e-1234-4bcd-9def-0123456789ab", count = 1): LedgerValue {
  return { v: 1, taskId, by: "alice", at: 1, target: { topic: "orders", partition: 0, offset: "42" }, count };
}

describe("the re-drive ledger in memory", () => {
  it("answers by letter id, and a tombstone takes the entry and its bytes away", () => {
    const ledger = new Ledger(Infinity);
    ledger.set("orders.DLQ/0/7", entry());
    ledger.set("orders.DLQ/1/7", entry("t2"));
    expect(ledger.get("orders.DLQ/0/7")?.taskId).toMatch(/^3f2c/);
    expect(ledger.get("orders.DLQ/1/7")?.taskId).toBe("t2");
    expect(ledger.has("orders.DLQ/0/8")).toBe(false);
    expect(ledger.has("payments.DLQ/0/7")).toBe(false);
    expect(ledger.size).toBe(2);
    const bytes = ledger.bytes;
    ledger.set("orders.DLQ/0/7", entry(undefined, 2));
    expect(ledger.size).toBe(2);
    expect(ledger.bytes).toBe(bytes);
    ledger.delete("orders.DLQ/0/7");
    ledger.delete("orders.DLQ/0/7");
    expect(ledger.has("orders.DLQ/0/7")).toBe(false);
    expect(ledger.size).toBe(1);
    ledger.delete("orders.DLQ/1/7");
    expect(ledger.bytes).toBe(0);
  });

  it("keeps no key that can never be a letter's id", () => {
    const ledger = new Ledger(Infinity);
    for (const key of ["", "garbage", "orders.DLQ/0/007", "orders.DLQ/x/1", "a/b/0/1", "orders DLQ/0/1"])
      ledger.set(key, entry());
    expect(ledger.size).toBe(0);
  });

  it("lets go of entries below their partition's log-start offset, only there, and keeps none read later", () => {
    const ledger = new Ledger(Infinity);
    for (let o = 0; o < 10; o++) {
      ledger.set(`orders.DLQ/0/${o}`, entry());
      ledger.set(`orders.DLQ/1/${o}`, entry());
      ledger.set(`payments.DLQ/0/${o}`, entry());
    }
    expect(ledger.forgetBelow("orders.DLQ", new Map([[0, 6n]]))).toBe(6);
    expect(ledger.has("orders.DLQ/0/5")).toBe(false);
    expect(ledger.has("orders.DLQ/0/6")).toBe(true);
    expect(ledger.has("orders.DLQ/1/0")).toBe(true);
    expect(ledger.has("payments.DLQ/0/0")).toBe(true);
    expect(ledger.size).toBe(24);
    // A record of a deleted letter read after the pass (a late echo) is not kept; one above it is.
    ledger.set("orders.DLQ/0/3", entry());
    ledger.set("orders.DLQ/0/12", entry());
    expect(ledger.has("orders.DLQ/0/3")).toBe(false);
    expect(ledger.has("orders.DLQ/0/12")).toBe(true);
    // The log start never moves back: a lower one forgets nothing more and lowers no floor.
    expect(ledger.forgetBelow("orders.DLQ", new Map([[0, 2n]]))).toBe(0);
    ledger.set("orders.DLQ/0/4", entry());
    expect(ledger.has("orders.DLQ/0/4")).toBe(false);
  });

  it("lets go of a deleted DLQ topic's entries, and a topic created again under its name starts afresh", () => {
    const ledger = new Ledger(Infinity);
    for (let o = 0; o < 5; o++) ledger.set(`orders.DLQ/0/${o}`, entry());
    ledger.set("payments.DLQ/0/0", entry());
    ledger.forgetBelow("orders.DLQ", new Map([[0, 3n]]));
    expect(ledger.forgetTopic("orders.DLQ")).toBe(2);
    expect(ledger.size).toBe(1);
    expect(ledger.topicNames()).toEqual(["payments.DLQ"]);
    ledger.set("orders.DLQ/0/0", entry());
    expect(ledger.has("orders.DLQ/0/0")).toBe(true);
  });

  it("counts its bytes against the cap: room for new entries runs out, and frees up as letters age out", () => {
    const ledger = new Ledger(100 * TYPICAL_ENTRY_BYTES);
    expect(ledger.room(100)).toBe(true);
    expect(ledger.room(101)).toBe(false);
    for (let o = 0; o < 90; o++) ledger.set(`orders.DLQ/0/${o}`, entry());
    expect(ledger.bytes).toBeGreaterThan(80 * TYPICAL_ENTRY_BYTES);
    expect(ledger.bytes).toBeLessThanOrEqual(90 * TYPICAL_ENTRY_BYTES);
    expect(ledger.room(20)).toBe(false);
    expect(ledger.room(5)).toBe(true);
    ledger.forgetBelow("orders.DLQ", new Map([[0, 50n]]));
    expect(ledger.room(20)).toBe(true);
  });
});
