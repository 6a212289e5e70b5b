import { describe, expect, it } from "vitest";
import { FlowPairer, ORPHAN_WAIT_MS, type PairingRules } from "./pairing";
import type { Pairable } from "./pairing-types";

const T0 = 1_700_000_000_000;
const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

/** The demo shop's shape: order-service reads orders.commands, inventory-service reads orders.events. */
const rules: PairingRules = {
  consumersOf: (topic) =>
    ({
      "orders.commands": ["order-service"],
      "orders.events": ["inventory-service", "payment-service"],
      "payments.retry.1": ["payment-service"],
    })[topic] ?? [],
  isDlqTopic: (topic) => topic.endsWith(".DLQ"),
};
const budget = { messagesBytes: 1 << 20, tracesBytes: 1 << 20, orphansBytes: 1 << 20 };

let offset = 0;
function message(topic: string, atMs: number, ids: Partial<Pairable> = {}): Pairable {
  return {
    id: `${topic}/0/${offset++}`,
    topic,
    timestamp: T0 + atMs,
    traceId: TRACE,
    messageId: null,
    causationId: null,
    service: null,
    ...ids,
  };
}

describe("FlowPairer", () => {
  it("pairs a message with the one its causation id names: hop = child − parent timestamp", () => {
    const pairer = new FlowPairer(rules, budget);
    const command = message("orders.commands", 0, { messageId: "m-1", service: "gateway" });
    const placed = message("orders.events", 120, {
      messageId: "m-2",
      causationId: "m-1",
      service: "order-service",
    });
    expect(pairer.accept(command, T0)).toEqual([]);
    const [hop] = pairer.accept(placed, T0);
    expect(hop).toMatchObject({ via: "causation", consumer: "order-service", hopMs: 120, endToEndMs: 120 });
    expect(hop?.parent.recordId).toBe(command.id);
    expect(hop?.child.pathway).toEqual(["orders.commands", "orders.events"]);
  });

  it("without a causation id, falls back to the same trace's latest message on a topic the producer consumes", () => {
    const pairer = new FlowPairer(rules, budget);
    const command = message("orders.commands", 0, { service: "gateway" });
    const unrelated = message("users.events", 50, { service: "user-service" });
    const placed = message("orders.events", 200, { service: "order-service" });
    pairer.accept(command, T0);
    pairer.accept(unrelated, T0);
    const [hop] = pairer.accept(placed, T0);
    expect(hop).toMatchObject({ via: "trace", hopMs: 200 });
    expect(hop?.parent.recordId).toBe(command.id);
  });

  it("does not pair on the trace when the producer reads none of the trace's topics", () => {
    const pairer = new FlowPairer(rules, budget);
    pairer.accept(message("users.events", 0, { service: "user-service" }), T0);
    expect(pairer.accept(message("mail.sent", 10, { service: "notification-service" }), T0)).toEqual([]);
  });

  it("holds a child that arrives before its parent and pairs it when the parent comes", () => {
    const pairer = new FlowPairer(rules, budget);
    const root = message("orders.commands", 0, { messageId: "m-1", service: "gateway" });
    const placed = message("orders.events", 80, {
      messageId: "m-2",
      causationId: "m-1",
      service: "order-service",
    });
    const reserved = message("inventory.events", 380, {
      messageId: "m-3",
      causationId: "m-2",
      service: "inventory-service",
    });
    // Read out of order: the grandchild first, then the child, then the root.
    expect(pairer.accept(reserved, T0)).toEqual([]);
    const [first] = pairer.accept(placed, T0);
    expect(first).toMatchObject({ hopMs: 300, consumer: "inventory-service" });
    const [second] = pairer.accept(root, T0);
    expect(second).toMatchObject({ hopMs: 80, consumer: "order-service", endToEndMs: 80 });
    expect(second?.child.pathway).toEqual(["orders.commands", "orders.events"]);
  });

  it("gives up on a parent that never comes: the child stays the root of its own flow", () => {
    const pairer = new FlowPairer(rules, budget);
    const orphan = message("orders.events", 0, {
      messageId: "m-2",
      causationId: "gone",
      service: "order-service",
    });
    pairer.accept(orphan, T0);
    expect(pairer.expire(T0 + ORPHAN_WAIT_MS - 1)).toBe(0);
    expect(pairer.expire(T0 + ORPHAN_WAIT_MS)).toBe(1);
    expect(
      pairer.accept(message("orders.commands", -10, { messageId: "gone" }), T0 + ORPHAN_WAIT_MS),
    ).toEqual([]);
    // Its own children still pair with it, measured from it.
    const [hop] = pairer.accept(
      message("inventory.events", 300, { causationId: "m-2", service: "inventory-service" }),
      T0,
    );
    expect(hop).toMatchObject({ hopMs: 300, endToEndMs: 300 });
  });

  it("attributes a retry or dead-letter copy to the group that gave up, not the producer its headers name", () => {
    const pairer = new FlowPairer(rules, budget);
    const retry = message("payments.retry.1", 0, { messageId: "m-9", service: "order-service" });
    const letter = message("payments.DLQ", 3_000, { messageId: "m-9", service: "order-service" });
    pairer.accept(retry, T0);
    const [hop] = pairer.accept(letter, T0);
    expect(hop).toMatchObject({ via: "copy", consumer: "payment-service", hopMs: 3_000 });
  });

  it("with several groups on the original's topic, names the one whose name the copy's topic starts like", () => {
    const pairer = new FlowPairer(rules, budget);
    pairer.accept(message("orders.events", 0, { messageId: "m-5", service: "order-service" }), T0);
    const [hop] = pairer.accept(
      message("payments.retry.1", 40, { messageId: "m-5", service: "order-service" }),
      T0,
    );
    expect(hop?.consumer).toBe("payment-service");
  });

  it("falls back on the trace through a service's group behind a namespace (shop.inventory-service)", () => {
    const prefixed: PairingRules = {
      ...rules,
      consumersOf: (t) => (t === "shop.orders" ? ["shop.inventory-service"] : []),
    };
    const pairer = new FlowPairer(prefixed, budget);
    pairer.accept(message("shop.orders", 0, { service: "order-service" }), T0);
    const [hop] = pairer.accept(message("shop.stock", 300, { service: "inventory-service" }), T0);
    expect(hop).toMatchObject({ via: "trace", consumer: "inventory-service", hopMs: 300 });
  });

  it("resolves a causation id to the live copy, never the dead letter", () => {
    const pairer = new FlowPairer(rules, budget);
    pairer.accept(message("orders.events", 0, { messageId: "m-1", service: "order-service" }), T0);
    pairer.accept(message("orders.DLQ", 100, { messageId: "m-1", service: "order-service" }), T0);
    const [hop] = pairer.accept(
      message("payments.events", 500, { causationId: "m-1", service: "payment-service" }),
      T0,
    );
    expect(hop?.parent.topic).toBe("orders.events");
  });

  it("forgets the oldest messages once its byte budget is used, so memory stays bounded", () => {
    const small = { messagesBytes: 64 * 1024, tracesBytes: 64 * 1024, orphansBytes: 64 * 1024 };
    const pairer = new FlowPairer(rules, small);
    for (let i = 0; i < 20_000; i++)
      pairer.accept(message("orders.commands", i, { messageId: `m-${i}`, traceId: `t-${i}` }), T0);
    expect(pairer.bytes).toBeLessThanOrEqual(3 * 64 * 1024);
    // The newest are still there to pair with, the oldest are gone.
    expect(pairer.accept(message("orders.events", 20_000, { causationId: "m-19999" }), T0)).toHaveLength(1);
    expect(pairer.accept(message("orders.events", 20_001, { causationId: "m-0" }), T0)).toEqual([]);
  });
});
