import { describe, expect, it } from "vitest";
import { buildRedriveHeaders, previousRedriveCount } from "./redrive-headers";
import { bytes, header, text } from "./test-builders";

const input = {
  dlqTopic: "orders-dlt",
  partition: 3,
  offset: "1234",
  redrivenAt: "2024-05-01T12:00:00.000Z",
  redrivenBy: "alice@example.com",
};

const asText = (hs: ReturnType<typeof buildRedriveHeaders>) => hs.map((h) => [h.key, text(h.value)]);

const TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

describe("buildRedriveHeaders", () => {
  it("strips the error and origin headers of every family and keeps business headers in order", () => {
    const deadLetter = [
      header("traceparent", TRACEPARENT),
      header("kafka_dlt-original-topic", "orders"),
      header("kafka_dlt-original-partition", bytes("00 00 00 03")),
      header("kafka_dlt-exception-fqcn", "java.lang.IllegalStateException"),
      header("correlation-id", "c-123"),
      header("kafka_original-topic", "orders"),
      header("retry_topic-attempts", bytes("00 00 00 03")),
      header("__connect.errors.topic", "orders"),
      header("__streams.errors.exception", "java.lang.NullPointerException"),
      header("ce_id", "evt-1"),
      header("ce_traceparent", TRACEPARENT),
      header("X-Original-Topic", "orders"),
      header("x-error-message", "boom"),
      header("x-attempts", "3"),
      header("x-first-failure-at", "2024-05-01T11:00:00Z"),
      header("binary-business", bytes("00 ff")),
    ];
    expect(asText(buildRedriveHeaders(deadLetter, input))).toEqual([
      ["traceparent", TRACEPARENT],
      ["correlation-id", "c-123"],
      ["ce_id", "evt-1"],
      ["ce_traceparent", TRACEPARENT],
      ["binary-business", "\u0000\ufffd"],
      ["x-redriven-from", "orders-dlt/3/1234"],
      ["x-redrive-count", "1"],
      ["x-redriven-at", "2024-05-01T12:00:00.000Z"],
      ["x-redriven-by", "alice@example.com"],
    ]);
  });

  it("passes business header bytes through untouched", () => {
    const value = bytes("00 ff");
    const [first] = buildRedriveHeaders([{ key: "binary-business", value }], input);
    expect(first?.value).toBe(value);
  });

  it("replaces an earlier re-drive's headers and increments the count", () => {
    const again = buildRedriveHeaders(
      [
        header("x-redriven-from", "orders-dlt/0/7"),
        header("X-Redrive-Count", "2"),
        header("x-redriven-at", "2024-04-01T00:00:00.000Z"),
        header("x-redriven-by", "bob"),
        header("correlation-id", "c-123"),
      ],
      input,
    );
    expect(asText(again)).toEqual([
      ["correlation-id", "c-123"],
      ["x-redriven-from", "orders-dlt/3/1234"],
      ["x-redrive-count", "3"],
      ["x-redriven-at", "2024-05-01T12:00:00.000Z"],
      ["x-redriven-by", "alice@example.com"],
    ]);
  });

  it("does not strip look-alike business headers", () => {
    const kept = buildRedriveHeaders([header("x-originator", "web"), header("kafka_key", "k")], input);
    expect(kept.map((h) => h.key).slice(0, 2)).toEqual(["x-originator", "kafka_key"]);
  });
});

describe("previousRedriveCount", () => {
  it("is 0 without a count and ignores unreadable ones", () => {
    expect(previousRedriveCount([])).toBe(0);
    expect(previousRedriveCount([header("x-redrive-count", "many")])).toBe(0);
    expect(previousRedriveCount([header("x-redrive-count", null)])).toBe(0);
  });

  it("takes the highest readable count when the header repeats", () => {
    expect(previousRedriveCount([header("x-redrive-count", "4"), header("x-redrive-count", "2")])).toBe(4);
  });
});
