import { describe, expect, it } from "vitest";

import { event, hop, stitch, T0 } from "./test-builders";

// The demo's payment flow: OrderPlaced on orders.events, read by payment-service and inventory-service;
// payment-service gives up on it into payments.retry.1 (read by payment-service-retry), then payments.DLQ.
const placed = event({ id: "placed", topic: "orders.events", service: "order-service", at: 0 });
const retry = event({
  id: "retry",
  topic: "payments.retry.1",
  messageId: "placed",
  service: "order-service",
  at: 10,
});
const letter = event({
  id: "letter",
  topic: "payments.DLQ",
  messageId: "placed",
  service: "order-service",
  deadLetterOf: "placed",
  at: 20,
});
const redriven = event({
  id: "redriven",
  topic: "orders.events",
  messageId: "placed",
  service: "order-service",
  offset: "9",
  at: 30,
});
const commit = (group: string, topic: string, offset: string, at: number) => ({
  group,
  topic,
  partition: 0,
  committedOffset: offset,
  observedAt: T0 + at,
});
const consumption = [
  commit("payment-service", "orders.events", "1", 5),
  commit("inventory-service", "orders.events", "1", 5),
  commit("payment-service-retry", "payments.retry.1", "1", 15),
];

describe("stitchTrace: who made a copy", () => {
  it("gives a retry copy to the group that read the original and is named like the retry topic", () => {
    const trace = stitch([placed, retry], { consumption });
    expect(hop(trace, "retry").copy).toEqual({
      kind: "retry",
      gaveUpGroup: "payment-service",
      groupFrom: "consumer-of-original",
      originalProducer: "order-service",
    });
    expect(hop(trace, "retry").service).toBe("order-service");
    expect(hop(trace, "placed").copy).toBeNull();
  });

  it("takes the group a dead letter names over any guess", () => {
    const deadLetterGroups = new Map([["letter", "payments-billing"]]);
    const trace = stitch([placed, retry, letter], { consumption, deadLetterGroups });
    expect(hop(trace, "letter").copy).toEqual({
      kind: "dead-letter",
      gaveUpGroup: "payments-billing",
      groupFrom: "dead-letter",
      originalProducer: "order-service",
    });
  });

  it("names the producer of the first record of a copy chain, and no group for a re-drive", () => {
    const second = event({ id: "retry-2", topic: "payments.retry.2", messageId: "placed", at: 15 });
    const trace = stitch([placed, retry, second, letter, redriven], { consumption });
    expect(hop(trace, "retry-2").copy).toMatchObject({
      kind: "retry",
      gaveUpGroup: "payment-service-retry",
      originalProducer: "order-service",
    });
    expect(hop(trace, "redriven").copy).toEqual({
      kind: "redrive",
      gaveUpGroup: null,
      groupFrom: null,
      originalProducer: "order-service",
    });
  });

  it("leaves the group unknown when nothing says who read the original, or two groups tie", () => {
    expect(hop(stitch([placed, retry]), "retry").copy?.gaveUpGroup).toBeNull();
    const tie = [commit("a-service", "orders.events", "1", 5), commit("b-service", "orders.events", "1", 5)];
    expect(hop(stitch([placed, retry], { consumption: tie }), "retry").copy?.gaveUpGroup).toBeNull();
  });
});
