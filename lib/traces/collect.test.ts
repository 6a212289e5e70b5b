import { describe, expect, it } from "vitest";

import { collectTraceEvents, type CollectedTrace } from "./collect";
import { event, hop, ids, lookupOf, stitch, BATCH_TRACE, TRACE } from "./test-builders";
import type { TraceLookup } from "./types";

/** `id → "link@depth"`, for compact assertions. */
const links = (collected: CollectedTrace) =>
  Object.fromEntries(collected.events.map((l) => [l.event.id, `${l.link}@${l.linkDepth}`]));

// The order flow runs in TRACE; the payment service consumes with OTel's eachBatch, so what it produces
// carries the poll's new trace id BATCH_TRACE, shared with its output for another order in the same poll.
const placed = event({ id: "placed", service: "gateway", at: 0 });
const created = event({ id: "created", service: "order", causationId: "placed", at: 10 });
const paid = event({ id: "paid", service: "payment", traceId: BATCH_TRACE, causationId: "created", at: 20 });
const receipt = event({
  id: "receipt",
  service: "notification",
  traceId: BATCH_TRACE,
  causationId: "paid",
  at: 30,
});
const otherPaid = event({
  id: "other-paid",
  service: "payment",
  traceId: BATCH_TRACE,
  causationId: "other-order",
  at: 21,
});
const index = [placed, created, paid, receipt, otherPaid];

describe("collectTraceEvents: linked traces", () => {
  it("reaches a batch consumer's downstream trace over causation ids, not its unrelated messages", () => {
    expect(links(collectTraceEvents([placed], lookupOf(index)))).toEqual({
      placed: "same-trace@0",
      created: "same-trace@0",
      paid: "causation-link@1",
      receipt: "causation-link@1", // following the chain inside the linked trace costs no depth
    });
  });

  it("stitches the linked hops into the tree under the hop that caused them", () => {
    const trace = stitch(collectTraceEvents([created], lookupOf(index)).events);
    expect(ids(trace)).toEqual(["placed", "created", "paid", "receipt"]);
    expect(hop(trace, "paid")).toMatchObject({ parentId: "created", link: "causation-link", linkDepth: 1 });
    expect(trace.traceIds).toEqual([TRACE, BATCH_TRACE]);
  });

  it("reaches the original trace back from the linked one", () => {
    const collected = collectTraceEvents([receipt], lookupOf(index));
    expect(links(collected)).toMatchObject({
      receipt: "same-trace@0",
      paid: "same-trace@0",
      created: "causation-link@1",
      placed: "causation-link@1",
    });
  });

  it("crosses at most maxLinkDepth trace boundaries", () => {
    // Four one-event traces, each caused by the one before.
    const a = event({ id: "a", traceId: "1".repeat(32) });
    const b = event({ id: "b", traceId: "2".repeat(32), causationId: "a", at: 1 });
    const c = event({ id: "c", traceId: "3".repeat(32), causationId: "b", at: 2 });
    const d = event({ id: "d", traceId: "4".repeat(32), causationId: "c", at: 3 });
    const collected = collectTraceEvents([a], lookupOf([a, b, c, d]), { maxLinkDepth: 2 });
    expect(links(collected)).toEqual({
      a: "same-trace@0",
      b: "causation-link@1",
      c: "causation-link@2",
    });
  });

  it("terminates on a causation cycle across traces", () => {
    const a = event({ id: "a", causationId: "b" });
    const b = event({ id: "b", causationId: "a", traceId: BATCH_TRACE });
    expect(collectTraceEvents([a], lookupOf([a, b])).events).toHaveLength(2);
  });

  it("asks the index about each id once", () => {
    const lookup = lookupOf([...index, event({ id: "copy", messageId: "created", topic: "orders.DLQ" })]);
    collectTraceEvents([placed], lookup);
    expect(new Set(lookup.asked).size).toBe(lookup.asked.length);
  });
});

describe("collectTraceEvents: correlation and bounds", () => {
  const untraced = event({ id: "legacy", traceId: null, correlationId: "order-7", at: 40 });
  const root = event({ id: "root", correlationId: "order-7" });
  const correlated = [
    root,
    untraced,
    event({ id: "elsewhere", traceId: BATCH_TRACE, correlationId: "order-7", at: 50 }),
  ];

  it("pulls in events that share a correlation id, one level further out", () => {
    expect(links(collectTraceEvents([root], lookupOf(correlated)))).toEqual({
      root: "same-trace@0",
      legacy: "correlation@1",
      elsewhere: "correlation@1",
    });
  });

  it("leaves correlation alone when told to", () => {
    const collected = collectTraceEvents([root], lookupOf(correlated), {
      followCorrelation: false,
    });
    expect(links(collected)).toEqual({ root: "same-trace@0" });
  });

  it("stops at maxEvents and says it truncated", () => {
    const collected = collectTraceEvents([placed], lookupOf(index), { maxEvents: 3 });
    expect(collected.events).toHaveLength(3);
    expect(collected.truncated).toBe(true);
    expect(collectTraceEvents([placed], lookupOf(index)).truncated).toBe(false);
  });

  it("calls the lookups as methods, so a class-based index keeps its `this`", () => {
    class Index implements TraceLookup {
      private readonly inner = lookupOf(index);
      byTraceId(id: string) {
        return this.inner.byTraceId(id);
      }
      byMessageId(id: string) {
        return this.inner.byMessageId(id);
      }
      byCausationId(id: string) {
        return this.inner.byCausationId(id);
      }
      byCorrelationId(id: string) {
        return this.inner.byCorrelationId(id);
      }
    }
    expect(collectTraceEvents([placed], new Index()).events).toHaveLength(4);
  });

  it("collects nothing from no seeds", () => {
    expect(collectTraceEvents([], lookupOf(index))).toEqual({ events: [], truncated: false });
  });
});
