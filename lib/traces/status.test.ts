import { describe, expect, it } from "vitest";

import { event, hop, stitch, T0 } from "./test-builders";

const placed = event({ id: "placed", service: "gateway", at: 0 });
const charged = event({ id: "charged", topic: "payments", service: "order", causationId: "placed", at: 20 });
const deadLetter = event({ id: "dlq", topic: "payments.DLQ", messageId: "charged", at: 30 });

describe("stitchTrace: dead letters and status", () => {
  it("marks a hop on a dead-letter topic as an error and the trace with it", () => {
    const trace = stitch([placed, charged, deadLetter]);
    expect(hop(trace, "dlq")).toMatchObject({ deadLetter: true, status: "error", parentId: "charged" });
    expect(hop(trace, "charged")).toMatchObject({ deadLetter: false, status: "ok" });
    expect(trace.status).toBe("error");
  });

  it("recognises dead-letter topics with the injected predicate", () => {
    const trace = stitch([placed, charged], { isDlqTopic: (t) => t === "payments" });
    expect(hop(trace, "charged").deadLetter).toBe(true);
  });

  it("counts a record that could not be decoded as an error", () => {
    const broken = event({ id: "broken", causationId: "placed", at: 5, decodeError: "value: invalid JSON" });
    expect(stitch([placed, broken]).status).toBe("error");
  });

  it("is in progress while its latest activity is younger than settleMs, then ok", () => {
    const events = [placed, charged];
    expect(stitch(events, { now: T0 + 5_000 }).status).toBe("in-progress");
    expect(stitch(events, { now: T0 + 5_000, settleMs: 1_000 }).status).toBe("ok");
    expect(stitch(events, { now: T0 + 60_000 }).status).toBe("ok");
  });

  it("reports an error over in-progress: a dead letter does not go away", () => {
    expect(stitch([placed, charged, deadLetter], { now: T0 + 31 }).status).toBe("error");
  });

  it("stitches no events into an empty, ok trace", () => {
    expect(stitch([])).toEqual({
      traceId: null,
      traceIds: [],
      hops: [],
      startedAt: null,
      endedAt: null,
      durationMs: 0,
      status: "ok",
      duplicatesDropped: 0,
    });
  });
});
