import { describe, expect, it } from "vitest";
import { MAX_TRACE_QUERY_LENGTH, traceIdFromParam } from "@/components/traces/trace-param";

describe("traceIdFromParam", () => {
  it("decodes an encoded traceparent or correlation id", () => {
    expect(traceIdFromParam("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).toBe(
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    );
    expect(traceIdFromParam("order%2042%2Fretry")).toBe("order 42/retry");
  });

  it("keeps a segment with a stray percent sign as typed", () => {
    expect(traceIdFromParam("100%")).toBe("100%");
  });

  it("rejects empty and absurdly long terms", () => {
    expect(traceIdFromParam("%20%20")).toBeNull();
    expect(traceIdFromParam("a".repeat(MAX_TRACE_QUERY_LENGTH + 1))).toBeNull();
  });
});
