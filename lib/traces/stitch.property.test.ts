import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { collectTraceEvents } from "./collect";
import { event, lookupOf, stitch, BATCH_TRACE, TRACE } from "./test-builders";
import { waterfallRows } from "./waterfall";

// Small pools make collisions likely: shared message ids (copies), causation ids that hit, miss, point
// at the event itself or close cycles, equal timestamps, shared spans, several traces and services.
const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const parts = fc.record({
  messageId: pick(null, "m0", "m1", "m2", "m3", "m4"),
  causationId: pick(null, "m0", "m1", "m2", "m3", "m4", "gone"),
  correlationId: pick(null, "c0", "c1"),
  traceId: pick(TRACE, BATCH_TRACE, null),
  service: pick(null, "gateway", "order", "payment"),
  topic: pick("orders", "payments", "orders.DLQ"),
  offset: pick("0", "1", "2", "-1", "x"),
  spanId: pick(null, "00f067aa0ba902b7", "e457b5a2e4d86bd1"),
  parentSpanId: pick(null, "00f067aa0ba902b7", "e457b5a2e4d86bd1"),
  at: fc.integer({ min: -5, max: 20 }),
});
const events = fc
  .array(parts, { maxLength: 14 })
  .map((list) => list.map((p, i) => event({ id: `e${i}`, ...p })));
// The same events, some sent twice, in any order: what an index sees after re-reads and rebalances.
const arrivals = events.chain((list) =>
  fc
    .subarray(list)
    .chain((again) => {
      const all = [...list, ...again];
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
    })
    .map((sent) => ({ list, sent })),
);
const consumption = fc.array(
  fc.record({
    group: pick("billing", "audit"),
    topic: pick("orders", "payments"),
    partition: fc.constant(0),
    committedOffset: pick("0", "1", "3", "-1"),
    observedAt: fc.integer({ min: 1_700_000_000_000 - 10, max: 1_700_000_000_030 }),
  }),
  { maxLength: 6 },
);

describe("stitchTrace on arbitrary events", () => {
  it("never throws, keeps every distinct event once, and puts each parent before its children", () => {
    fc.assert(
      fc.property(arrivals, consumption, ({ list, sent }, points) => {
        const trace = stitch(sent, { consumption: points });
        const order = trace.hops.map((h) => h.id);
        expect([...order].sort()).toEqual(list.map((e) => e.id).sort());
        expect(trace.duplicatesDropped).toBe(sent.length - list.length);

        const position = new Map(order.map((id, i) => [id, i]));
        for (const [i, hop] of trace.hops.entries()) {
          if (hop.parentId === null) {
            expect(hop.depth).toBe(0);
            continue;
          }
          const parent = trace.hops[position.get(hop.parentId) ?? -1];
          expect(position.get(hop.parentId)).toBeLessThan(i);
          expect(hop.depth).toBe((parent?.depth ?? NaN) + 1);
          expect(parent?.childIds).toContain(hop.id);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("does not depend on arrival order and never reports negative times", () => {
    fc.assert(
      fc.property(arrivals, consumption, ({ list, sent }, points) => {
        const trace = stitch(sent, { consumption: points });
        expect(stitch(list, { consumption: points }).hops).toEqual(trace.hops);
        for (const hop of trace.hops) {
          expect(hop.durationMs).toBeGreaterThanOrEqual(0);
          if (hop.queueMs !== null) expect(hop.queueMs).toBeGreaterThanOrEqual(0);
          if (hop.processingMs !== null) expect(hop.processingMs).toBeGreaterThanOrEqual(0);
        }
        expect(waterfallRows(trace).rows).toHaveLength(list.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe("collectTraceEvents on an arbitrary index", () => {
  it("terminates within its bounds and reaches every seed", () => {
    fc.assert(
      fc.property(events, fc.integer({ min: 1, max: 20 }), fc.nat(3), (list, maxEvents, maxLinkDepth) => {
        const seeds = list.slice(0, 1);
        const collected = collectTraceEvents(seeds, lookupOf(list), { maxEvents, maxLinkDepth });
        expect(collected.events.length).toBeLessThanOrEqual(maxEvents);
        expect(new Set(collected.events.map((l) => l.event.id)).size).toBe(collected.events.length);
        for (const seed of seeds) expect(collected.events.map((l) => l.event.id)).toContain(seed.id);
        for (const l of collected.events) expect(l.linkDepth).toBeLessThanOrEqual(maxLinkDepth);
      }),
      { numRuns: 300 },
    );
  });
});
