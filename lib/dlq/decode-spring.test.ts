import { describe, expect, it } from "vitest";
import { decodeDeadLetter } from "./decode-dead-letter";
import { bytes, header, letter } from "./test-builders";

const PARTITION_3 = bytes("00 00 00 03");
const OFFSET_1234 = bytes("00 00 00 00 00 00 04 d2");
const TS_1700000000000 = bytes("00 00 01 8b cf e5 68 00");
const LEFE = "org.springframework.kafka.listener.ListenerExecutionFailedException";

function springOriginal(topic: string, partition: Uint8Array, offset: Uint8Array) {
  return [
    header("kafka_dlt-original-topic", topic),
    header("kafka_dlt-original-partition", partition),
    header("kafka_dlt-original-offset", offset),
    header("kafka_dlt-original-timestamp", TS_1700000000000),
    header("kafka_dlt-original-timestamp-type", "CreateTime"),
    header("kafka_dlt-original-consumer-group", "order-service"),
  ];
}

function springException(cause: string, message: string) {
  return [
    header("kafka_dlt-exception-fqcn", LEFE),
    header("kafka_dlt-exception-cause-fqcn", cause),
    header("kafka_dlt-exception-message", message),
    header(
      "kafka_dlt-exception-stacktrace",
      `${LEFE}: ${message}\n\tat com.shop.OrderListener.on(OrderListener.java:42)`,
    ),
  ];
}

describe("decodeDeadLetter: Spring Kafka DeadLetterPublishingRecoverer", () => {
  const headers = [
    header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
    ...springOriginal("orders", PARTITION_3, OFFSET_1234),
    ...springException("java.lang.IllegalStateException", "Listener failed; payment declined"),
  ];

  it("reads the binary partition, offset and timestamp and the consumer group", () => {
    const d = decodeDeadLetter(letter("orders-dlt", headers));
    expect(d.origin).toEqual({
      topic: "orders",
      partition: 3,
      offset: "1234",
      timestamp: 1700000000000,
      timestampType: "CreateTime",
      consumerGroup: "order-service",
      source: "header",
      family: "spring-dlt",
    });
    expect(d.warnings).toEqual([]);
  });

  it("reads exception class, cause class, message and stack trace", () => {
    const { error } = decodeDeadLetter(letter("orders-dlt", headers));
    expect(error).toMatchObject({
      type: LEFE,
      causeType: "java.lang.IllegalStateException",
      message: "Listener failed; payment declined",
      keyFailure: false,
    });
    expect(error.stacktrace).toContain("OrderListener.java:42");
  });

  it("takes the first original headers as the origin and the last exception as the error after re-dead-lettering", () => {
    const twice = [
      ...springOriginal("orders", PARTITION_3, OFFSET_1234),
      ...springException("java.lang.IllegalStateException", "first failure"),
      ...springOriginal("orders-dlt", bytes("00 00 00 00"), bytes("00 00 00 00 00 00 00 07")),
      ...springException("java.lang.NullPointerException", "second failure"),
    ];
    const d = decodeDeadLetter(letter("orders-dlt-dlt", twice));
    expect(d.origin).toMatchObject({ topic: "orders", partition: 3, offset: "1234" });
    expect(d.error).toMatchObject({ causeType: "java.lang.NullPointerException", message: "second failure" });
    expect(d.families).toEqual(["spring-dlt"]);
  });

  it("reads the key-exception headers of a key deserialization failure", () => {
    const d = decodeDeadLetter(
      letter("orders-dlt", [
        ...springOriginal("orders", PARTITION_3, OFFSET_1234),
        header(
          "kafka_dlt-key-exception-fqcn",
          "org.springframework.kafka.support.serializer.DeserializationException",
        ),
        header("kafka_dlt-key-exception-message", "failed to deserialize; nested exception"),
      ]),
    );
    expect(d.error).toMatchObject({
      type: "org.springframework.kafka.support.serializer.DeserializationException",
      message: "failed to deserialize; nested exception",
      keyFailure: true,
    });
  });

  it("matches header names case-insensitively", () => {
    const d = decodeDeadLetter(
      letter("x", [
        header("KAFKA_DLT-ORIGINAL-TOPIC", "orders"),
        header("Kafka_Dlt-Original-Partition", PARTITION_3),
      ]),
    );
    expect(d.origin).toMatchObject({ topic: "orders", partition: 3, source: "header" });
  });

  it("accepts a partition and offset sent as UTF-8 decimals, with warnings", () => {
    const d = decodeDeadLetter(
      letter("orders-dlt", [
        header("kafka_dlt-original-topic", "orders"),
        header("kafka_dlt-original-partition", "3"),
        header("kafka_dlt-original-offset", "1234"),
      ]),
    );
    expect(d.origin).toMatchObject({ topic: "orders", partition: 3, offset: "1234" });
    expect(d.warnings).toHaveLength(2);
    expect(d.warnings[0]).toMatch(/kafka_dlt-original-partition is decimal text, expected a 4-byte/);
  });

  it("keeps the rest of the origin when one value is unreadable", () => {
    const d = decodeDeadLetter(
      letter("orders-dlt", [
        header("kafka_dlt-original-topic", "orders"),
        header("kafka_dlt-original-partition", bytes("ff ff")),
      ]),
    );
    expect(d.origin).toMatchObject({ topic: "orders", partition: null, source: "header" });
    expect(d.warnings[0]).toMatch(/kafka_dlt-original-partition is not a 4-byte big-endian integer \(ffff\)/);
  });

  it("drops a negative partition with a warning", () => {
    const d = decodeDeadLetter(
      letter("orders-dlt", [
        header("kafka_dlt-original-topic", "orders"),
        header("kafka_dlt-original-partition", bytes("ff ff ff ff")),
      ]),
    );
    expect(d.origin.partition).toBeNull();
    expect(d.warnings).toEqual(["kafka_dlt-original-partition -1 is out of range; ignored"]);
  });
});

describe("decodeDeadLetter: Spring @RetryableTopic", () => {
  it("reads kafka_original-*, kafka_exception-* and the 4-byte retry_topic-attempts", () => {
    const d = decodeDeadLetter(
      letter("payments-dlt", [
        header("kafka_original-topic", "payments"),
        header("kafka_original-partition", bytes("00 00 00 01")),
        header("kafka_original-offset", bytes("00 00 00 00 00 00 00 2a")),
        header("kafka_original-timestamp", TS_1700000000000),
        header("kafka_dlt-original-consumer-group", "payment-service"),
        header("kafka_exception-fqcn", "java.lang.RuntimeException"),
        header("kafka_exception-message", "gateway timeout"),
        header("retry_topic-attempts", bytes("00 00 00 04")),
      ]),
    );
    expect(d.origin).toMatchObject({
      topic: "payments",
      partition: 1,
      offset: "42",
      timestamp: 1700000000000,
      consumerGroup: "payment-service",
      family: "spring-retry",
    });
    expect(d.error).toMatchObject({ type: "java.lang.RuntimeException", message: "gateway timeout" });
    expect(d.attempts).toBe(4);
  });
});
