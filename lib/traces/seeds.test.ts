import { describe, expect, it } from "vitest";

import { findTraceSeeds } from "./seeds";
import { event, lookupOf, TRACE } from "./test-builders";

const B3_PADDED = "0000000000000000a3ce929d0e0e4736";
const index = [
  event({ id: "w3c", correlationId: "8d6f0e0c5b3a4e2f9a1b2c3d4e5f6a7b", at: 5 }),
  event({ id: "w3c-first", at: 1 }),
  event({ id: "b3", traceId: B3_PADDED }),
  event({ id: "untraced", traceId: null, correlationId: "order-42", messageId: "msg-42" }),
  event({ id: "traced", traceId: B3_PADDED, correlationId: "order-42", at: 9 }),
];
const seeds = (input: string) => findTraceSeeds(input, lookupOf(index));
const seedIds = (input: string) => seeds(input).events.map((e) => e.id);

describe("findTraceSeeds", () => {
  it("finds a trace by its 32-hex id, in either case, or by a whole traceparent", () => {
    expect(seeds(TRACE)).toMatchObject({ matchedBy: "trace-id", traceId: TRACE });
    expect(seedIds(TRACE.toUpperCase())).toEqual(["w3c-first", "w3c"]);
    expect(seeds(`00-${TRACE}-00f067aa0ba902b7-01`)).toMatchObject({ matchedBy: "trace-id", traceId: TRACE });
  });

  it("finds a trace by a 64-bit B3 id, padded as the decoder pads it", () => {
    expect(seeds("a3ce929d0e0e4736")).toMatchObject({ matchedBy: "trace-id", traceId: B3_PADDED });
  });

  it("treats an unknown 32-hex term as a correlation id (a UUID without dashes)", () => {
    expect(seeds("8d6f0e0c5b3a4e2f9a1b2c3d4e5f6a7b")).toMatchObject({
      matchedBy: "correlation-id",
      traceId: TRACE,
    });
  });

  it("finds by correlation id, naming the trace after the earliest traced seed", () => {
    expect(seeds(" order-42 ")).toMatchObject({ matchedBy: "correlation-id", traceId: B3_PADDED });
    expect(seedIds("order-42")).toEqual(["untraced", "traced"]);
  });

  it("finds by message id last", () => {
    expect(seeds("msg-42")).toMatchObject({ matchedBy: "message-id", traceId: null });
  });

  it("matches nothing for an unknown or blank term, asking the index nothing for a blank one", () => {
    expect(seeds("nope")).toMatchObject({ matchedBy: null, events: [] });
    const lookup = lookupOf(index);
    expect(findTraceSeeds("   ", lookup).matchedBy).toBeNull();
    expect(lookup.asked).toEqual([]);
  });
});
