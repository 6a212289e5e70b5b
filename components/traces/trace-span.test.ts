import { describe, expect, it } from "vitest";
import { messagesSpanMs, spanDiffers } from "@/components/traces/trace-span";

const hops = (...times: number[]) => times.map((producedAt) => ({ producedAt })) as never;

describe("messagesSpanMs", () => {
  it("measures from the trace start to the last message produced", () => {
    expect(messagesSpanMs({ startedAt: 1_000, hops: hops(1_000, 1_040, 1_012) })).toBe(40);
  });

  it("is null for an empty trace", () => {
    expect(messagesSpanMs({ startedAt: null, hops: [] })).toBeNull();
  });
});

describe("spanDiffers", () => {
  it("says so when consumption stretched the trace well past its last message", () => {
    expect(spanDiffers(4_100, 40)).toBe(true);
  });

  it("stays quiet for small differences", () => {
    expect(spanDiffers(90, 60)).toBe(false);
    expect(spanDiffers(10_000, 9_500)).toBe(false);
    expect(spanDiffers(100, null)).toBe(false);
  });
});
