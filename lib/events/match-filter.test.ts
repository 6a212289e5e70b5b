import { describe, expect, it } from "vitest";
import { defaultDecodeOptions } from "@/lib/decode";
import { matchesEventFilter } from "@/lib/events/match-filter";
import { summarizeRecord } from "@/lib/ingest/summarize-record";

const enc = new TextEncoder();
function event(topic: string, headers: Record<string, string>, value: string) {
  return summarizeRecord(
    {
      topic,
      partition: 0,
      offset: "7",
      timestamp: 1_700_000_000_000,
      key: enc.encode("order-42"),
      value: enc.encode(value),
      headers: Object.entries(headers).map(([key, v]) => ({ key, value: enc.encode(v) })),
    },
    { decode: defaultDecodeOptions, dlqPatterns: [] },
  );
}

const placed = event(
  "orders.events",
  { ce_source: "order-service", ce_type: "OrderPlaced" },
  '{"orderId":"o-42"}',
);

describe("matchesEventFilter", () => {
  it("matches everything with an empty filter", () => {
    expect(matchesEventFilter(placed, {})).toBe(true);
  });

  it("narrows by topic, service and event type exactly", () => {
    expect(matchesEventFilter(placed, { topic: "orders.events" })).toBe(true);
    expect(matchesEventFilter(placed, { topic: "orders" })).toBe(false);
    expect(matchesEventFilter(placed, { service: "order-service", type: "OrderPlaced" })).toBe(true);
    expect(matchesEventFilter(placed, { service: "payment-service" })).toBe(false);
  });

  it("finds free text in the key and the payload, case-insensitively", () => {
    expect(matchesEventFilter(placed, { q: "ORDER-42" })).toBe(true);
    expect(matchesEventFilter(placed, { q: "o-42" })).toBe(true);
    expect(matchesEventFilter(placed, { q: "nothing-like-this" })).toBe(false);
  });
});
