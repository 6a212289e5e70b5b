import { describe, expect, it } from "vitest";
import { DEFAULT_DLQ_PATTERNS, dlqPatternProblem, isDlqTopicName, retryTopicBase } from "./topic-patterns";

describe("isDlqTopicName", () => {
  it.each([
    "orders.DLQ",
    "orders-dlq",
    "orders.dlq",
    "orders_dlq",
    "dlq.orders",
    "dlq-orders",
    "orders.DLT",
    "orders-dlt",
    "error.orders.billing",
    "orders.dead-letter",
    "dead-letter-orders",
    "shop.orders.v2.DLQ",
  ])("recognises %s by a default pattern", (name) => {
    expect(isDlqTopicName(name)).toBe(true);
  });

  it.each([
    "orders",
    "orders.DLQ.archive",
    "orders-retry-1",
    "payments.retry.1",
    "error.orders",
    "dlqorders",
  ])("does not take %s for a DLQ", (name) => {
    expect(isDlqTopicName(name)).toBe(false);
  });

  it("matches case exactly as the pattern is written", () => {
    expect(isDlqTopicName("orders.Dlq")).toBe(false);
    expect(isDlqTopicName("orders-DLQ")).toBe(false);
    expect(isDlqTopicName("orders.DLQ")).toBe(true);
  });

  it("needs at least one character where the pattern has a wildcard", () => {
    expect(isDlqTopicName(".DLQ")).toBe(false);
    expect(isDlqTopicName("dlq.")).toBe(false);
  });

  it("uses configured patterns instead of the defaults", () => {
    expect(isDlqTopicName("orders.failed", ["*.failed"])).toBe(true);
    expect(isDlqTopicName("orders.DLQ", ["*.failed"])).toBe(false);
  });

  it("treats dots and other regex characters in a pattern literally", () => {
    expect(isDlqTopicName("ordersXDLQ", ["*.DLQ"])).toBe(false);
  });

  it("ignores an unusable pattern rather than matching every topic", () => {
    expect(isDlqTopicName("orders", ["*"])).toBe(false);
    expect(isDlqTopicName("orders", [""])).toBe(false);
  });
});

describe("dlqPatternProblem", () => {
  it("accepts every default pattern", () => {
    expect(DEFAULT_DLQ_PATTERNS.map(dlqPatternProblem)).toEqual(DEFAULT_DLQ_PATTERNS.map(() => null));
  });

  it.each([
    ["*", "would match every topic"],
    ["orders dlq", "may only contain"],
    ["", "may only contain"],
    ["**.DLQ", "adjacent wildcards"],
  ])("rejects %j", (pattern, problem) => {
    expect(dlqPatternProblem(pattern)).toContain(problem);
  });
});

describe("retryTopicBase", () => {
  it.each([
    ["orders-retry-0", "orders"],
    ["orders-retry-2", "orders"],
    ["orders-retry-5000", "orders"],
    ["payments.retry.1", "payments"],
    ["shop.orders-retry-1", "shop.orders"],
  ])("finds the main topic of %s", (name, base) => {
    expect(retryTopicBase(name)).toBe(base);
  });

  it.each(["orders", "orders-retry", "orders-retry-x", "-retry-1", "orders.retry", "orders-dlt"])(
    "says %s is not a retry topic",
    (name) => {
      expect(retryTopicBase(name)).toBeNull();
    },
  );
});
