import { describe, expect, it } from "vitest";
import { originFromDlqName } from "./origin-from-name";

describe("originFromDlqName", () => {
  it.each([
    ["orders.DLQ", "orders"],
    ["orders-dlq", "orders"],
    ["orders.dlq", "orders"],
    ["orders_dlq", "orders"],
    ["dlq.orders", "orders"],
    ["dlq-orders", "orders"],
    ["orders.DLT", "orders"],
    ["orders-dlt", "orders"],
    ["error.orders.billing", "orders"],
    ["orders.dead-letter", "orders"],
    ["dead-letter-orders", "orders"],
    ["shop.orders.DLQ", "shop.orders"],
  ])("derives %s → %s", (name, topic) => {
    expect(originFromDlqName(name)?.topic).toBe(topic);
  });

  it("reads the consumer group from Spring Cloud Stream's error.<destination>.<group>", () => {
    expect(originFromDlqName("error.orders.billing")).toEqual({
      topic: "orders",
      consumerGroup: "billing",
      pattern: "error.*.*",
    });
  });

  it("keeps a dotted destination whole and takes the last segment as the group", () => {
    expect(originFromDlqName("error.shop.orders.billing")).toMatchObject({
      topic: "shop.orders",
      consumerGroup: "billing",
    });
  });

  it("has no consumer group for single-wildcard patterns", () => {
    expect(originFromDlqName("orders-dlt")).toEqual({
      topic: "orders",
      consumerGroup: null,
      pattern: "*-dlt",
    });
  });

  it("lets the first matching pattern decide", () => {
    expect(originFromDlqName("dlq.orders.DLQ")?.topic).toBe("dlq.orders");
    expect(originFromDlqName("dlq.orders.DLQ", ["dlq.*", "*.DLQ"])?.topic).toBe("orders.DLQ");
  });

  it("returns null when no pattern matches", () => {
    expect(originFromDlqName("orders")).toBeNull();
    expect(originFromDlqName("orders.DLQ", ["*.failed"])).toBeNull();
  });
});
