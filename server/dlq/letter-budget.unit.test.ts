/** Dead letters of all DLQ topics share one byte budget: the bound holds and the oldest letters go first. */
import type { KafkaMessage } from "kafkajs";
import { describe, expect, it } from "vitest";
import { DEFAULT_DLQ_PATTERNS } from "@/lib/dlq";
import { LetterBudget } from "@/server/dlq/letter-budget";
import { LetterStore } from "@/server/dlq/letter-store";

const VALUE_BYTES = 10_000;

function letter(offset: number, timestamp: number): KafkaMessage {
  return {
    key: Buffer.from(`order-${offset}`),
    value: Buffer.alloc(VALUE_BYTES, 120),
    timestamp: String(timestamp),
    attributes: 0,
    offset: String(offset),
    headers: { "x-original-topic": "orders", "x-error-message": "card declined" },
  } as KafkaMessage;
}

const store = (topic: string, budget: LetterBudget, maxLetters = 1_000_000) =>
  new LetterStore(topic, maxLetters, [...DEFAULT_DLQ_PATTERNS], budget);

describe("the dead-letter byte budget", () => {
  it("never holds more bytes than the budget across topics, and drops the oldest letter of any topic first", () => {
    const budget = new LetterBudget(1_000_000);
    const [orders, payments] = [store("orders.DLQ", budget), store("payments.DLQ", budget)];
    // Letters alternate between the topics and grow older-to-newer: 400 of them is about 4 MB.
    for (let n = 0; n < 400; n++) {
      const target = n % 2 === 0 ? orders : payments;
      target.add(n % 3, letter(n, 1_700_000_000_000 + n * 1_000));
      expect(budget.bytes).toBeLessThanOrEqual(budget.maxBytes);
    }
    expect(budget.bytes).toBe(orders.bytes + payments.bytes);
    const kept = [...orders.all(), ...payments.all()].map((l) => Number(l.offset)).sort((a, b) => a - b);
    // About a quarter fits; exactly the newest ones, with nothing missing in between.
    expect(kept.length).toBeGreaterThan(80);
    expect(kept.length).toBeLessThan(100);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 400 - kept.length + i));
    expect(orders.windowed && payments.windowed).toBe(true);
  });

  it("gives a topic's bytes back when it is no longer read, so the other topics may use them", () => {
    const budget = new LetterBudget(500_000);
    const [gone, staying] = [store("gone.DLQ", budget), store("staying.DLQ", budget)];
    for (let n = 0; n < 40; n++) gone.add(0, letter(n, 1_000 + n));
    gone.release();
    expect(budget.bytes).toBe(0);
    for (let n = 0; n < 40; n++) staying.add(0, letter(n, 2_000 + n));
    expect(staying.size).toBe(40);
    expect(staying.windowed).toBe(false);
  });

  it("still holds each topic to its own letter count, oldest first", () => {
    const budget = new LetterBudget(Infinity);
    const orders = store("orders.DLQ", budget, 100);
    for (let n = 0; n < 250; n++) orders.add(n % 4, letter(n, 1_000 + n));
    expect(orders.size).toBe(100);
    expect(Math.min(...orders.all().map((l) => Number(l.offset)))).toBe(150);
    expect(budget.bytes).toBe(orders.bytes);
  });
});
