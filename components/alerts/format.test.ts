import { describe, expect, it } from "vitest";
import { formatAgo, formatCondition } from "@/components/alerts/format";

const T0 = Date.parse("2026-12-04T19:00:00Z");

describe("alert texts", () => {
  it("says how long ago, at a precision a person on call needs", () => {
    expect(formatAgo(T0, T0 + 12_400)).toBe("12 s ago");
    expect(formatAgo(T0, T0 + 3 * 60_000 + 5_000)).toBe("3 min ago");
    expect(formatAgo(T0, T0 + 125 * 60_000)).toBe("2 h 05 min ago");
    // A clock slightly behind the server's never shows a negative age.
    expect(formatAgo(T0, T0 - 800)).toBe("0 s ago");
  });

  it("states each rule's condition in its unit", () => {
    expect(formatCondition("time-lag", 30)).toBe("> 30 s");
    expect(formatCondition("dlq-pending", 100)).toBe("> 100 letters");
    expect(formatCondition("produce-stopped", 1)).toBe("had ≥ 1 records/s, now 0");
  });
});
