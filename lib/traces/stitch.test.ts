import { describe, expect, it } from "vitest";

import { event, hop, ids, parents, stitch, BATCH_TRACE, TRACE } from "./test-builders";

// The demo's order flow: gateway → order → (payment → notification, inventory).
const flow = [
  event({ id: "placed", service: "gateway", at: 0 }),
  event({ id: "created", service: "order", causationId: "placed", at: 10 }),
  event({ id: "paid", service: "payment", causationId: "created", at: 20 }),
  event({ id: "reserved", service: "inventory", causationId: "created", at: 30 }),
  event({ id: "notified", service: "notification", causationId: "paid", at: 40 }),
];

describe("stitchTrace: causation tree", () => {
  it("hangs each event under the message its causation id names", () => {
    const trace = stitch(flow);
    expect(parents(trace)).toEqual({
      placed: null,
      created: "placed",
      paid: "created",
      reserved: "created",
      notified: "paid",
    });
    expect(hop(trace, "paid").parentVia).toBe("causation");
    expect(hop(trace, "created").childIds).toEqual(["paid", "reserved"]);
  });

  it("orders hops depth-first, a subtree before the parent's next child", () => {
    const trace = stitch(flow);
    expect(ids(trace)).toEqual(["placed", "created", "paid", "notified", "reserved"]);
    expect(trace.hops.map((h) => h.depth)).toEqual([0, 1, 2, 3, 2]);
  });

  it("orders siblings by record timestamp, then by event id", () => {
    const trace = stitch([
      event({ id: "root" }),
      event({ id: "late", causationId: "root", at: 50 }),
      event({ id: "b-tie", causationId: "root", at: 5 }),
      event({ id: "a-tie", causationId: "root", at: 5 }),
    ]);
    expect(ids(trace)).toEqual(["root", "a-tie", "b-tie", "late"]);
  });

  it("puts a parent before its child even when the child's producer clock is behind", () => {
    const trace = stitch([
      event({ id: "parent", at: 100 }),
      event({ id: "child", causationId: "parent", at: 90 }),
    ]);
    expect(ids(trace)).toEqual(["parent", "child"]);
    expect(trace.startedAt).toBe(hop(trace, "child").producedAt);
  });

  it("gives the same trace whatever order the events arrived in", () => {
    const expected = stitch(flow);
    expect(stitch([...flow].reverse())).toEqual(expected);
    const [a, b, c, d, e] = flow;
    expect(stitch([d, b, e, a, c].filter((x) => x !== undefined))).toEqual(expected);
  });

  it("attaches a child that arrived before its parent once the parent is there", () => {
    const child = event({ id: "child", causationId: "parent", at: 10 });
    expect(hop(stitch([child]), "child")).toMatchObject({ parentId: null, missingParent: true });
    const later = stitch([child, event({ id: "parent", at: 0 })]);
    expect(hop(later, "child")).toMatchObject({ parentId: "parent", missingParent: false });
  });

  it("keeps a record seen twice only once", () => {
    const trace = stitch([...flow, ...flow.slice(0, 2)]);
    expect(ids(trace)).toHaveLength(5);
    expect(trace.duplicatesDropped).toBe(2);
  });

  it("makes an event whose cause is not in the trace a root flagged missingParent", () => {
    const trace = stitch([
      ...flow,
      event({ id: "orphan", service: "billing", causationId: "evicted", at: 35 }),
    ]);
    expect(hop(trace, "orphan")).toMatchObject({ parentId: null, depth: 0, missingParent: true });
    expect(ids(trace).at(-1)).toBe("orphan");
  });
});

describe("stitchTrace: broken ids", () => {
  it("breaks a causation cycle at its earliest event, which becomes the root", () => {
    const trace = stitch([
      event({ id: "b", causationId: "c", at: 20 }),
      event({ id: "a", causationId: "b", at: 10 }),
      event({ id: "c", causationId: "a", at: 30 }),
    ]);
    expect(ids(trace)).toEqual(["a", "c", "b"]);
    expect(hop(trace, "a")).toMatchObject({ parentId: null, cycle: true, missingParent: false });
    expect(hop(trace, "b").cycle).toBe(false);
  });

  it("treats an event caused by itself as a root", () => {
    const trace = stitch([event({ id: "self", causationId: "self" })]);
    expect(hop(trace, "self")).toMatchObject({ parentId: null, cycle: true, depth: 0 });
  });

  it("prefers a stated causation edge over an inferred one when they contradict each other", () => {
    // "reply" names "request" as its cause but is stamped earlier; time order alone would invert them.
    const trace = stitch([
      event({ id: "start", service: "gateway", at: 0 }),
      event({ id: "reply", service: "billing", causationId: "request", at: 3 }),
      event({ id: "request", service: "order", at: 5 }),
    ]);
    expect(hop(trace, "reply")).toMatchObject({ parentId: "request", parentVia: "causation" });
    expect(hop(trace, "request")).toMatchObject({ parentId: null, cycle: true });
  });
});

describe("stitchTrace: copies of a message", () => {
  const original = event({
    id: "orders/0/7",
    service: "order",
    messageId: "m1",
    causationId: "placed",
    at: 10,
  });
  const placed = event({ id: "placed", service: "gateway", at: 0 });
  const deadLetter = event({
    id: "orders.DLQ/0/3",
    topic: "orders.DLQ",
    messageId: "m1",
    causationId: "placed",
    at: 20,
  });
  const redriven = event({ id: "orders/0/9", messageId: "m1", causationId: "placed", at: 30 });

  it("hangs a dead letter that copied the original's headers under the original", () => {
    const trace = stitch([placed, original, deadLetter]);
    expect(hop(trace, "orders.DLQ/0/3")).toMatchObject({ parentId: "orders/0/7", parentVia: "copy" });
  });

  it("chains retries and re-drives in the order they were produced", () => {
    const trace = stitch([placed, original, deadLetter, redriven]);
    expect(parents(trace)).toMatchObject({ "orders.DLQ/0/3": "orders/0/7", "orders/0/9": "orders.DLQ/0/3" });
  });

  it("resolves a causation id to the latest non-dead-letter copy produced before the child", () => {
    const early = event({ id: "early", service: "payment", causationId: "m1", at: 25 });
    const late = event({ id: "late", service: "payment", causationId: "m1", at: 40 });
    const trace = stitch([placed, original, deadLetter, redriven, early, late]);
    expect(hop(trace, "early").parentId).toBe("orders/0/7");
    expect(hop(trace, "late").parentId).toBe("orders/0/9");
  });

  it("hangs a dead letter under the record its headers name as origin", () => {
    const letter = event({
      id: "orders-dlt/0/1",
      topic: "orders-dlt",
      messageId: null,
      at: 20,
      deadLetterOf: "orders/0/7",
    });
    const trace = stitch([placed, original, letter]);
    expect(hop(trace, "orders-dlt/0/1")).toMatchObject({
      parentId: "orders/0/7",
      parentVia: "dead-letter-origin",
    });
  });
});

describe("stitchTrace: events without causation ids", () => {
  it("hangs an event under the latest earlier event of another service in its trace", () => {
    const trace = stitch([
      event({ id: "placed", service: "gateway", at: 0 }),
      event({ id: "created", service: "order", at: 10 }),
      event({ id: "audited", service: "order", at: 12 }),
      event({ id: "paid", service: "payment", at: 20 }),
    ]);
    // Two order events in a row are siblings under the gateway's event, not a chain.
    expect(parents(trace)).toEqual({ placed: null, created: "placed", audited: "placed", paid: "audited" });
    expect(hop(trace, "paid").parentVia).toBe("time");
  });

  it("keeps events of unknown services as roots in time order", () => {
    const trace = stitch([
      event({ id: "b", service: null, at: 5 }),
      event({ id: "a", service: null, at: 1 }),
    ]);
    expect(ids(trace)).toEqual(["a", "b"]);
    expect(parents(trace)).toEqual({ a: null, b: null });
  });

  it("infers no parent across trace ids", () => {
    const trace = stitch([
      event({ id: "a", service: "gateway", at: 0 }),
      event({ id: "b", service: "order", traceId: BATCH_TRACE, at: 10 }),
    ]);
    expect(parents(trace)).toEqual({ a: null, b: null });
  });

  it("infers nothing when told not to", () => {
    const trace = stitch(
      [event({ id: "a", service: "gateway" }), event({ id: "b", service: "order", at: 1 })],
      { inferParentsByTime: false },
    );
    expect(hop(trace, "b").parentId).toBeNull();
  });

  it("follows a B3 parent span id to the message sent under that span", () => {
    const trace = stitch([
      event({ id: "a", service: "gateway", spanId: "00f067aa0ba902b7" }),
      event({ id: "z", service: "audit", at: 5 }),
      event({ id: "b", service: "order", parentSpanId: "00f067aa0ba902b7", at: 10 }),
    ]);
    expect(hop(trace, "b")).toMatchObject({ parentId: "a", parentVia: "span" });
  });
});

describe("stitchTrace: trace ids", () => {
  it("names the trace after the first same-trace hop unless told, and lists linked trace ids", () => {
    const events = [event({ id: "a" }), event({ id: "b", causationId: "a", traceId: BATCH_TRACE, at: 1 })];
    expect(stitch(events)).toMatchObject({ traceId: TRACE, traceIds: [TRACE, BATCH_TRACE] });
    expect(stitch(events, { traceId: BATCH_TRACE }).traceIds).toEqual([BATCH_TRACE, TRACE]);
    expect(stitch([event({ id: "x", traceId: null })])).toMatchObject({ traceId: null, traceIds: [] });
  });
});
