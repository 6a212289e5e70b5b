import { describe, expect, it } from "vitest";
import {
  isEmptyTracesFilter,
  paramsWithTracesFilter,
  tracesApiPath,
  tracesFilterFromParams,
} from "@/components/traces/trace-filter-params";

const read = (query: string) => tracesFilterFromParams(new URLSearchParams(query));

describe("tracesFilterFromParams", () => {
  it("reads service, topic, status and minimum duration", () => {
    expect(read("service=payment-service&topic=payments.DLQ&status=error&minDurationMs=500")).toEqual({
      service: "payment-service",
      topic: "payments.DLQ",
      status: "error",
      minDurationMs: 500,
    });
  });

  it("drops empty, unknown and invalid values", () => {
    expect(read("service=%20&status=failed&minDurationMs=abc")).toEqual({});
    expect(read("minDurationMs=-5")).toEqual({});
    expect(read("minDurationMs=0")).toEqual({});
  });
});

describe("paramsWithTracesFilter", () => {
  it("round-trips a filter and keeps unrelated parameters", () => {
    const filter = { service: "gateway", status: "in-progress", minDurationMs: 1_000 } as const;
    const params = paramsWithTracesFilter("theme=dark&service=old", filter);
    expect(params.get("theme")).toBe("dark");
    expect(tracesFilterFromParams(params)).toEqual(filter);
  });

  it("removes parameters that were cleared", () => {
    expect(paramsWithTracesFilter("service=gateway&topic=orders.events", {}).toString()).toBe("");
  });
});

describe("tracesApiPath", () => {
  it("asks the API for the filter with a limit", () => {
    expect(tracesApiPath({ topic: "orders.events", minDurationMs: 100 })).toBe(
      "/api/traces?topic=orders.events&minDurationMs=100&limit=100",
    );
  });
});

describe("isEmptyTracesFilter", () => {
  it("is true only when nothing narrows the list", () => {
    expect(isEmptyTracesFilter({})).toBe(true);
    expect(isEmptyTracesFilter({ status: "ok" })).toBe(false);
  });
});
