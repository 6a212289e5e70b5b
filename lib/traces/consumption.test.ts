import { describe, expect, it } from "vitest";

import { event, hop, stitch, T0 } from "./test-builders";
import type { ConsumptionPoint } from "./types";

// The order record sits at offset 41 of orders/0; a commit of 42 means "read up to and including 41".
const order = event({
  id: "orders/0/41",
  topic: "orders",
  partition: 0,
  offset: "41",
  service: "order",
  at: 0,
});
const commit = (group: string, committedOffset: string, at: number, partition = 0): ConsumptionPoint => ({
  group,
  topic: "orders",
  partition,
  committedOffset,
  observedAt: T0 + at,
});

describe("stitchTrace: consumption from committed offsets", () => {
  it("takes, per group, the first poll whose committed offset passed the record", () => {
    const trace = stitch([order], {
      consumption: [commit("billing", "41", 5), commit("billing", "42", 10), commit("audit", "100", 7)],
    });
    expect(hop(trace, "orders/0/41").consumers).toEqual([
      { group: "audit", service: null, consumedAt: T0 + 7, source: "committed-offset" },
      { group: "billing", service: null, consumedAt: T0 + 10, source: "committed-offset" },
    ]);
    expect(hop(trace, "orders/0/41")).toMatchObject({ consumedAt: T0 + 7, consumedVia: "committed-offset" });
  });

  it("ignores other partitions and groups that never committed (-1)", () => {
    const trace = stitch([order], { consumption: [commit("billing", "99", 5, 1), commit("audit", "-1", 5)] });
    expect(hop(trace, "orders/0/41")).toMatchObject({ consumers: [], consumedAt: null });
  });

  it("reads polls in time order even when the history arrives unsorted", () => {
    const trace = stitch([order], {
      consumption: [commit("billing", "50", 30), commit("billing", "42", 10)],
    });
    expect(hop(trace, "orders/0/41").consumedAt).toBe(T0 + 10);
  });

  it("never dates consumption before production (producer and poller clocks differ)", () => {
    const trace = stitch([order], { consumption: [commit("billing", "42", -500)] });
    expect(hop(trace, "orders/0/41").consumedAt).toBe(T0);
  });
});

describe("stitchTrace: consumption from the messages a hop caused", () => {
  const payment = event({
    id: "payments/0/3",
    topic: "payments",
    service: "payment",
    causationId: "orders/0/41",
    at: 100,
  });

  it("names the consuming group through groupForService", () => {
    const trace = stitch([order, payment], { groupForService: (s) => `${s}-service` });
    expect(hop(trace, "orders/0/41").consumers).toEqual([
      { group: "payment-service", service: "payment", consumedAt: T0 + 100, source: "child-message" },
    ]);
  });

  it("names only the service when no group is known for it", () => {
    const trace = stitch([order, payment]);
    expect(hop(trace, "orders/0/41").consumers).toEqual([
      { group: null, service: "payment", consumedAt: T0 + 100, source: "child-message" },
    ]);
  });

  it("keeps the earliest evidence per group", () => {
    const trace = stitch([order, payment], {
      groupForService: (s) => `${s}-service`,
      consumption: [commit("payment-service", "42", 150)],
    });
    expect(hop(trace, "orders/0/41").consumers).toEqual([
      expect.objectContaining({ group: "payment-service", consumedAt: T0 + 100, source: "child-message" }),
    ]);
  });

  it("does not count a time-inferred child or a copy as evidence of consumption", () => {
    const guessed = event({ id: "guessed", service: "audit", at: 50 });
    const copy = event({ id: "orders.DLQ/0/1", topic: "orders.DLQ", messageId: "orders/0/41", at: 60 });
    const trace = stitch([order, guessed, copy]);
    expect(hop(trace, "orders/0/41")).toMatchObject({
      childIds: ["guessed", "orders.DLQ/0/1"],
      consumers: [],
    });
    expect(hop(trace, "orders/0/41").nextAt).toBe(T0 + 50);
  });
});

describe("stitchTrace: queue time vs processing time", () => {
  const payment = event({ id: "pay", service: "payment", causationId: "orders/0/41", at: 100 });

  it("splits a hop at a commit seen before the next message", () => {
    const trace = stitch([order, payment], { consumption: [commit("payment", "42", 40)] });
    expect(hop(trace, "orders/0/41")).toMatchObject({ queueMs: 40, processingMs: 60, durationMs: 100 });
  });

  it("leaves the split unknown when only the next message bounds consumption", () => {
    const trace = stitch([order, payment]);
    expect(hop(trace, "orders/0/41")).toMatchObject({
      consumedAt: T0 + 100,
      queueMs: null,
      processingMs: null,
      durationMs: 100,
    });
  });

  it("leaves the split unknown when the commit was only seen after the next message", () => {
    const trace = stitch([order, payment], { consumption: [commit("payment", "42", 130)] });
    expect(hop(trace, "orders/0/41")).toMatchObject({ queueMs: null, processingMs: null, durationMs: 100 });
  });

  it("gives a consumed leaf hop queue time only, its bar ending at consumption", () => {
    const trace = stitch([order], { consumption: [commit("notification", "42", 40)] });
    expect(hop(trace, "orders/0/41")).toMatchObject({
      queueMs: 40,
      processingMs: null,
      endAt: T0 + 40,
      durationMs: 40,
    });
  });

  it("gives an unconsumed leaf hop a zero-length bar", () => {
    expect(hop(stitch([order]), "orders/0/41")).toMatchObject({ endAt: T0, durationMs: 0, nextAt: null });
  });
});
