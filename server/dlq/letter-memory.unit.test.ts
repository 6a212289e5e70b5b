/**
 * The dead letters' memory, measured on the heap (objects and the Buffers outside it) rather than taken
 * from the letters' own byte count: fed five times what their shared budget holds, Spring-style dead
 * letters (origin headers, an exception message, a stack trace, a trace context, a ~700 B JSON value) of
 * three DLQ topics must hold no more than the budget, and the bytes they report (what /api/health and the
 * budget go by) must be what the process holds.
 */
import type { KafkaMessage } from "kafkajs";
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { DEFAULT_DLQ_PATTERNS } from "@/lib/dlq";
import { LetterBudget } from "@/server/dlq/letter-budget";
import { LetterStore } from "@/server/dlq/letter-store";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const TOPICS = ["orders-dlt", "payments-dlt", "inventory-dlt"];
const STACK = Array.from(
  { length: 24 },
  (_, i) => `\tat com.shop.payments.PaymentHandler.step${i}(PaymentHandler.java:${100 + i})`,
).join("\n");
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const int64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
};

/** Dead letter `i`, as Spring Kafka's DeadLetterPublishingRecoverer writes it. */
function springLetter(i: number): KafkaMessage {
  const value = JSON.stringify({
    orderId: `order-${i}`,
    customer: { id: `c-${i % 977}`, tier: "gold" },
    items: Array.from({ length: 6 }, (_, k) => ({
      sku: `sku-${(i + k) % 500}`,
      qty: 1 + (k % 3),
      price: 9.99,
    })),
    note: "x".repeat(300),
  });
  return {
    key: Buffer.from(`order-${i}`),
    value: Buffer.from(value),
    timestamp: String(1_700_000_000_000 + i),
    attributes: 0,
    offset: String(i),
    headers: {
      traceparent: Buffer.from(`00-${hex(i + 1, 32)}-${hex(i + 7, 16)}-01`),
      "kafka_dlt-original-topic": Buffer.from("payments"),
      "kafka_dlt-original-partition": int32(i % 6),
      "kafka_dlt-original-offset": int64(i * 3),
      "kafka_dlt-original-timestamp": int64(1_700_000_000_000 + i),
      "kafka_dlt-exception-fqcn": Buffer.from(
        "org.springframework.kafka.listener.ListenerExecutionFailedException",
      ),
      "kafka_dlt-exception-message": Buffer.from(`card declined for order-${i}: insufficient funds`),
      "kafka_dlt-exception-stacktrace": Buffer.from(
        `java.lang.IllegalStateException: card declined\n${STACK}`,
      ),
    },
  } as unknown as KafkaMessage;
}

/** Dead letter `i`, small, as the demo shop and plain apps write them. */
function plainLetter(i: number): KafkaMessage {
  return {
    key: Buffer.from(`order-${i}`),
    value: Buffer.from(`{"orderId":"order-${i}","amount":${i % 100}}`),
    timestamp: String(1_700_000_000_000 + i),
    attributes: 0,
    offset: String(i),
    headers: {
      "x-original-topic": Buffer.from("payments"),
      "x-original-partition": Buffer.from(String(i % 6)),
      "x-original-offset": Buffer.from(String(i * 3)),
      "x-error-message": Buffer.from("card declined"),
      "x-error-type": Buffer.from("PaymentDeclined"),
    },
  } as unknown as KafkaMessage;
}

/** Everything the process holds: V8's heap and the Buffers' memory outside it. */
function heldBytes(): number {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

describe("dead letters' memory (measured on the heap)", () => {
  it.each([
    { shape: "Spring Kafka letters with stack traces", deadLetter: springLetter, bytesEach: 7_500 },
    { shape: "small plain letters", deadLetter: plainLetter, bytesEach: 2_500 },
  ])(
    "holds no more than the shared byte budget, and reports what it holds: $shape",
    ({ deadLetter, bytesEach }) => {
      const budgetBytes = 8 << 20;
      const feed = (budget: LetterBudget, letters: number) => {
        const stores = TOPICS.map((t) => new LetterStore(t, 1_000_000, [...DEFAULT_DLQ_PATTERNS], budget));
        for (let i = 0; i < letters; i++) stores[i % stores.length]!.add(i % 6, deadLetter(i));
        return stores;
      };
      // Compiled first, so the code the feed needs is not counted as the letters'. In a function of its own:
      // a temporary of this frame would keep the warm-up letters alive through the measurement.
      const warmUp = () => feed(new LetterBudget(budgetBytes), 2_000).length;
      warmUp();
      const before = heldBytes();
      const budget = new LetterBudget(budgetBytes);
      // Five times what the budget holds (bytesEach: about what one letter of the shape costs).
      const stores = feed(budget, 5 * Math.ceil(budgetBytes / bytesEach));
      const held = heldBytes() - before;
      const reported = stores.reduce((n, s) => n + s.bytes, 0);
      expect(reported).toBe(budget.bytes);
      expect(held, `memory held by the letters (budget ${budgetBytes} bytes)`).toBeLessThanOrEqual(
        budgetBytes,
      );
      // Fed five times what they can hold, they use the memory (a store that kept nothing would pass).
      expect(held).toBeGreaterThan(budgetBytes / 2);
      // Their own count never understates what they hold, and is close to it.
      expect(reported).toBeGreaterThanOrEqual(held);
      expect(reported / held).toBeLessThan(1.4);
    },
    60_000,
  );
});
