/** Letters Kafka's retention deleted are let go, with their bytes, and never come back. */
import type { KafkaMessage } from "kafkajs";
import { describe, expect, it } from "vitest";
import { DEFAULT_DLQ_PATTERNS } from "@/lib/dlq";
import { LetterBudget } from "@/server/dlq/letter-budget";
import { LetterStore } from "@/server/dlq/letter-store";

function letter(offset: number): KafkaMessage {
  return {
    key: Buffer.from(`order-${offset}`),
    value: Buffer.from(`{"orderId":"order-${offset}"}`),
    timestamp: String(1_700_000_000_000 + offset),
    attributes: 0,
    offset: String(offset),
    headers: { "x-original-topic": "orders", "x-error-message": "card declined" },
  } as KafkaMessage;
}

describe("dead letters below the log-start offset", () => {
  it("are let go per partition, give their bytes back, and are refused when read late", () => {
    const budget = new LetterBudget(Infinity);
    const store = new LetterStore("orders.DLQ", 1_000, [...DEFAULT_DLQ_PATTERNS], budget);
    for (let o = 0; o < 10; o++) {
      store.add(0, letter(o));
      store.add(1, letter(o));
    }
    const before = store.bytes;
    expect(
      store.forgetBelow(
        new Map([
          [0, 4n],
          [1, 0n],
        ]),
      ),
    ).toBe(4);
    expect(store.size).toBe(16);
    expect(store.get("orders.DLQ/0/3")).toBeUndefined();
    expect(store.get("orders.DLQ/0/4")).toBeDefined();
    expect(store.get("orders.DLQ/1/0")).toBeDefined();
    expect(store.all()).toHaveLength(16);
    expect(store.bytes).toBeLessThan(before);
    expect(budget.bytes).toBe(store.bytes);
    // A reader that fetched these just before Kafka deleted them hands them over late: not taken.
    expect(store.add(0, letter(2))).toBe(false);
    expect(store.get("orders.DLQ/0/2")).toBeUndefined();
    expect(store.add(0, letter(10))).toBe(true);
    expect(store.windowed).toBe(false);
  });
});
