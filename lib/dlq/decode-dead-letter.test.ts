import { describe, expect, it } from "vitest";
import { decodeDeadLetter, hasDeadLetterHeaders } from "./decode-dead-letter";
import { bytes, header, letter } from "./test-builders";

const OFFSET_1234 = bytes("00 00 00 00 00 00 04 d2");
const LEFE = "org.springframework.kafka.listener.ListenerExecutionFailedException";

describe("decodeDeadLetter: origin from the topic name", () => {
  it("derives the origin when no header names it, and says so", () => {
    const d = decodeDeadLetter(letter("orders.DLQ", [header("x-error-message", "boom")]));
    expect(d.origin).toEqual({
      topic: "orders",
      partition: null,
      offset: null,
      timestamp: null,
      timestampType: null,
      consumerGroup: null,
      source: "derived-from-name",
      family: null,
    });
    expect(d.families).toEqual(["plain"]);
  });

  it("takes the consumer group from error.<destination>.<group>", () => {
    expect(decodeDeadLetter(letter("error.orders.billing", [])).origin).toMatchObject({
      topic: "orders",
      consumerGroup: "billing",
      source: "derived-from-name",
    });
  });

  it("uses the configured patterns", () => {
    const d = decodeDeadLetter(letter("orders.failed", []), { patterns: ["*.failed"] });
    expect(d.origin).toMatchObject({ topic: "orders", source: "derived-from-name" });
  });

  it("maps a retry topic to its main topic", () => {
    expect(decodeDeadLetter(letter("payments.retry.1", [])).origin).toMatchObject({
      topic: "payments",
      source: "derived-from-name",
    });
  });

  it("says unknown when neither headers nor name give the origin", () => {
    const d = decodeDeadLetter(letter("mystery", []));
    expect(d.origin).toMatchObject({ topic: null, source: "unknown", family: null });
    expect(d.error).toEqual({
      type: null,
      causeType: null,
      message: null,
      stacktrace: null,
      keyFailure: false,
      details: {},
    });
    expect(d).toMatchObject({ attempts: null, firstFailureAt: null, families: [], warnings: [] });
  });

  it("ignores an origin topic header that is not a legal topic name", () => {
    const d = decodeDeadLetter(letter("orders-dlt", [header("kafka_dlt-original-topic", "orders topic")]));
    expect(d.origin).toMatchObject({ topic: "orders", source: "derived-from-name" });
    expect(d.warnings[0]).toMatch(/"orders topic" is not a legal topic name/);
  });

  it("warns about a partition and offset without an origin topic", () => {
    const d = decodeDeadLetter(letter("orders-dlt", [header("kafka_dlt-original-offset", OFFSET_1234)]));
    expect(d.origin.source).toBe("derived-from-name");
    expect(d.warnings).toEqual([
      "spring-dlt headers give a partition or offset but no origin topic; ignored",
    ]);
  });
});

describe("decodeDeadLetter: the record itself and mixed families", () => {
  it("gives the ledger id and the record timestamp", () => {
    const d = decodeDeadLetter({
      topic: "orders.DLQ",
      partition: 2,
      offset: "9",
      timestamp: 1700000100000,
      headers: [],
    });
    expect(d).toMatchObject({ id: "orders.DLQ/2/9", timestamp: 1700000100000 });
  });

  it("reports an unreadable record timestamp", () => {
    const d = decodeDeadLetter({
      topic: "orders.DLQ",
      partition: 0,
      offset: "1",
      timestamp: "soon",
      headers: [],
    });
    expect(d.timestamp).toBeNull();
    expect(d.warnings).toEqual(['record timestamp "soon" is not a time']);
  });

  it("takes the origin from the oldest hop and the error from the latest when families mix", () => {
    const d = decodeDeadLetter(
      letter("connect-dlq-dlt", [
        header("__connect.errors.topic", "orders"),
        header("__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException"),
        header("kafka_dlt-original-topic", "connect-dlq"),
        header("kafka_dlt-exception-fqcn", LEFE),
      ]),
    );
    expect(d.origin).toMatchObject({ topic: "orders", family: "connect" });
    expect(d.error.type).toBe(LEFE);
    expect(d.families).toEqual(["connect", "spring-dlt"]);
    expect(d.warnings[0]).toMatch(/several origin topics \(connect: orders, spring-dlt: connect-dlq\)/);
  });

  it("shows an error message that is not UTF-8 as hex", () => {
    const d = decodeDeadLetter(letter("orders.DLQ", [header("x-error-message", bytes("c3 28"))]));
    expect(d.error.message).toBe("c328");
    expect(d.warnings).toEqual(["x-error-message is not valid UTF-8; shown as hex"]);
  });
});

describe("hasDeadLetterHeaders", () => {
  it.each([
    "kafka_dlt-original-topic",
    "kafka_dlt-exception-fqcn",
    "kafka_dlt-key-exception-message",
    "kafka_original-topic",
    "kafka_exception-message",
    "__connect.errors.topic",
    "__connect.errors.exception.class.name",
    "__streams.errors.exception",
    "x-original-topic",
    "x-error-message",
    "X-Error-Type",
  ])("recognises a dead letter by %s", (key) => {
    expect(hasDeadLetterHeaders([header(key, "v")])).toBe(true);
  });

  it("does not take business or bookkeeping headers for a dead letter", () => {
    const headers = [
      header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
      header("x-attempts", "2"),
      header("x-original-partition", "3"),
      header("x-redriven-from", "orders.DLQ/0/1"),
    ];
    expect(hasDeadLetterHeaders(headers)).toBe(false);
  });
});
