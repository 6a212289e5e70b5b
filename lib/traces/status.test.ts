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

describe("stitchTrace: recovered after re-drive", () => {
  // Re-driven back to payments (same message id, dead-letter headers stripped), then consumed again.
  const redriven = event({ id: "redriven", topic: "payments", messageId: "charged", offset: "7", at: 40 });
  const receipt = event({
    id: "receipt",
    topic: "receipts",
    service: "payment",
    causationId: "charged",
    at: 50,
  });

  it("says recovered when the dead letter's re-driven copy caused the next message", () => {
    const trace = stitch([placed, charged, deadLetter, redriven, receipt]);
    expect(hop(trace, "redriven")).toMatchObject({ parentId: "dlq", parentVia: "copy" });
    expect(hop(trace, "receipt").parentId).toBe("redriven");
    expect(hop(trace, "dlq")).toMatchObject({ recoveredByRedrive: true, status: "error" });
    expect(trace.status).toBe("recovered");
  });

  it("says recovered when a group's committed offset passed the re-driven copy", () => {
    const consumption = [
      { group: "payment", topic: "payments", partition: 0, committedOffset: "8", observedAt: T0 + 45 },
    ];
    expect(stitch([placed, charged, deadLetter, redriven], { consumption }).status).toBe("recovered");
  });

  it("stays an error while the re-driven copy has not been consumed", () => {
    const trace = stitch([placed, charged, deadLetter, redriven]);
    expect(hop(trace, "dlq").recoveredByRedrive).toBe(false);
    expect(trace.status).toBe("error");
  });

  it("is an error again when the re-driven copy is dead-lettered again", () => {
    const again = event({ id: "dlq-2", topic: "payments.DLQ", messageId: "charged", offset: "1", at: 60 });
    const trace = stitch([placed, charged, deadLetter, redriven, receipt, again]);
    expect(hop(trace, "dlq").recoveredByRedrive).toBe(true);
    expect(hop(trace, "dlq-2")).toMatchObject({ parentId: "redriven", recoveredByRedrive: false });
    expect(trace.status).toBe("error");
  });

  it("counts a retry copy between live topics as no re-drive", () => {
    const retry = event({ id: "retry", topic: "payments.retry.1", messageId: "charged", at: 25 });
    const trace = stitch([placed, charged, retry, receipt]);
    expect(trace.hops.some((h) => h.recoveredByRedrive)).toBe(false);
    expect(trace.status).toBe("ok");
  });

  it("is in progress while the re-driven flow is still moving, and an undecodable record stays an error", () => {
    const events = [placed, charged, deadLetter, redriven, receipt];
    expect(stitch(events, { now: T0 + 60 }).status).toBe("in-progress");
    const broken = event({ id: "broken", causationId: "placed", at: 5, decodeError: "value: invalid JSON" });
    expect(stitch([...events, broken]).status).toBe("error");
  });
});
