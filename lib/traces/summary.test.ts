import { describe, expect, it } from "vitest";

import { filterSummaries, summarizeTrace } from "./summary";
import { event, stitch, T0, TRACE } from "./test-builders";
import type { TraceSummary } from "./types";

const trace = stitch([
  event({ id: "placed", service: "gateway", eventType: "OrderPlaced", topic: "orders", at: 0 }),
  event({ id: "created", service: "order", causationId: "placed", topic: "orders", at: 10 }),
  event({ id: "charged", service: null, causationId: "created", topic: "payments", at: 25 }),
  event({ id: "dlq", topic: "payments.DLQ", messageId: "charged", causationId: "created", at: 40 }),
]);

describe("summarizeTrace", () => {
  it("summarises the root, the services and topics involved, timings and errors", () => {
    expect(summarizeTrace(trace)).toEqual({
      traceId: TRACE,
      rootEventType: "OrderPlaced",
      rootService: "gateway",
      services: ["gateway", "order"],
      topics: ["orders", "payments", "payments.DLQ"],
      hopCount: 4,
      startedAt: T0,
      endedAt: T0 + 40,
      durationMs: 40,
      hasDeadLetter: true,
      errorCount: 1,
      status: "error",
    });
  });

  it("summarises an empty trace without inventing a root", () => {
    expect(summarizeTrace(stitch([]))).toMatchObject({
      rootEventType: null,
      rootService: null,
      hopCount: 0,
      startedAt: null,
      durationMs: 0,
      status: "ok",
    });
  });
});

describe("filterSummaries", () => {
  const summary = (id: string, parts: Partial<TraceSummary>): TraceSummary => ({
    ...summarizeTrace(stitch([])),
    traceId: id,
    ...parts,
  });
  const list = [
    summary("fast-ok", { services: ["gateway", "order"], topics: ["orders"], durationMs: 40, status: "ok" }),
    summary("slow-error", {
      services: ["payment"],
      topics: ["payments.DLQ"],
      durationMs: 900,
      status: "error",
    }),
    summary("running", { services: ["order"], topics: ["orders"], durationMs: 300, status: "in-progress" }),
  ];
  const matching = (filter: Parameters<typeof filterSummaries>[1]) =>
    filterSummaries(list, filter).map((s) => s.traceId);

  it("keeps everything, in order, for an empty filter", () => {
    expect(matching({})).toEqual(["fast-ok", "slow-error", "running"]);
  });

  it("filters by service, topic, status and minimum duration", () => {
    expect(matching({ service: "order" })).toEqual(["fast-ok", "running"]);
    expect(matching({ topic: "payments.DLQ" })).toEqual(["slow-error"]);
    expect(matching({ status: "in-progress" })).toEqual(["running"]);
    expect(matching({ minDurationMs: 300 })).toEqual(["slow-error", "running"]);
  });

  it("requires every given criterion", () => {
    expect(matching({ service: "order", minDurationMs: 100 })).toEqual(["running"]);
    expect(matching({ service: "order", status: "error" })).toEqual([]);
  });

  it("matches names exactly, not as substrings", () => {
    expect(matching({ service: "Order" })).toEqual([]);
    expect(matching({ topic: "payments" })).toEqual([]);
  });
});
