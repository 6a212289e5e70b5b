import { describe, expect, it } from "vitest";
import { formatDuration, formatRelativeTime, matchedByNote, shortId } from "@/components/traces/trace-format";

describe("formatDuration", () => {
  it("writes sub-second values in whole milliseconds", () => {
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(7)).toBe("7 ms");
    expect(formatDuration(849.6)).toBe("850 ms");
  });

  it("keeps fractions below a millisecond instead of rounding them to zero", () => {
    expect(formatDuration(0.25)).toBe("0.25 ms");
  });

  it("shortens precision as seconds grow", () => {
    expect(formatDuration(1_250)).toBe("1.25 s");
    expect(formatDuration(2_000)).toBe("2 s");
    expect(formatDuration(12_345)).toBe("12.3 s");
  });

  it("switches to minutes and hours with padded parts", () => {
    expect(formatDuration(125_000)).toBe("2m 05s");
    expect(formatDuration(3_720_000)).toBe("1h 02m");
  });

  it("shows a dash for values that are not a duration", () => {
    expect(formatDuration(-1)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
  });
});

describe("formatRelativeTime", () => {
  const now = 1_700_000_000_000;
  it("says just now for the last few seconds and for clock skew into the future", () => {
    expect(formatRelativeTime(now - 4_000, now)).toBe("just now");
    expect(formatRelativeTime(now + 3_000, now)).toBe("just now");
  });

  it("counts seconds, minutes, hours and days", () => {
    expect(formatRelativeTime(now - 42_000, now)).toBe("42 s ago");
    expect(formatRelativeTime(now - 3 * 60_000 - 5_000, now)).toBe("3 min ago");
    expect(formatRelativeTime(now - 5 * 3_600_000, now)).toBe("5 h ago");
    expect(formatRelativeTime(now - 50 * 3_600_000, now)).toBe("2 d ago");
  });
});

describe("matchedByNote", () => {
  it("says only 'found by trace id' when a trace id found the trace", () => {
    expect(matchedByNote({ raw: "x", kind: "trace-id", matchedBy: "trace-id" })).toBe("found by trace id");
  });

  it("names the pasted form when it was not a bare trace id", () => {
    expect(matchedByNote({ raw: "x", kind: "traceparent", matchedBy: "trace-id" })).toBe(
      "found by trace id (from a traceparent)",
    );
    expect(matchedByNote({ raw: "x", kind: "b3", matchedBy: "trace-id" })).toBe(
      "found by trace id (B3 id, padded to 32 hex)",
    );
  });

  it("says a correlation or message id found it", () => {
    expect(matchedByNote({ raw: "order-42", kind: "other", matchedBy: "correlation-id" })).toBe(
      "found by correlation id",
    );
    expect(matchedByNote({ raw: "m-1", kind: "other", matchedBy: "message-id" })).toBe("found by message id");
  });
});

describe("shortId", () => {
  it("cuts a 32-hex trace id to its first 8 characters", () => {
    expect(shortId("4bf92f3577b34da6a3ce929d0e0e4736")).toBe("4bf92f35…");
  });

  it("leaves short ids whole", () => {
    expect(shortId("order-42")).toBe("order-42");
  });
});
