import { describe, expect, it } from "vitest";
import { decodeDeadLetter } from "./decode-dead-letter";
import { header, letter } from "./test-builders";

describe("decodeDeadLetter: Kafka Connect", () => {
  it("reads the UTF-8 decimal origin and the connector context", () => {
    const d = decodeDeadLetter(
      letter("dlq-jdbc-sink", [
        header("__connect.errors.topic", "orders"),
        header("__connect.errors.partition", "3"),
        header("__connect.errors.offset", "1234"),
        header("__connect.errors.connector.name", "jdbc-sink-orders"),
        header("__connect.errors.task.id", "0"),
        header("__connect.errors.stage", "VALUE_CONVERTER"),
        header("__connect.errors.class.name", "org.apache.kafka.connect.json.JsonConverter"),
        header("__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException"),
        header("__connect.errors.exception.message", "Converting byte[] to Kafka Connect data failed"),
        header("__connect.errors.exception.stacktrace", "org.apache.kafka.connect.errors.DataException: …"),
      ]),
    );
    expect(d.origin).toMatchObject({ topic: "orders", partition: 3, offset: "1234", family: "connect" });
    expect(d.error).toEqual({
      type: "org.apache.kafka.connect.errors.DataException",
      causeType: null,
      message: "Converting byte[] to Kafka Connect data failed",
      stacktrace: "org.apache.kafka.connect.errors.DataException: …",
      keyFailure: false,
      details: {
        connector: "jdbc-sink-orders",
        task: "0",
        stage: "VALUE_CONVERTER",
        class: "org.apache.kafka.connect.json.JsonConverter",
      },
    });
    expect(d.warnings).toEqual([]);
  });
});

describe("decodeDeadLetter: Kafka Streams (KIP-1034)", () => {
  it("reads the __streams.errors.* strings", () => {
    const d = decodeDeadLetter(
      letter("clicks-dlq", [
        header("__streams.errors.exception", "org.apache.kafka.common.errors.SerializationException"),
        header("__streams.errors.message", "Size of data received by IntegerDeserializer is not 4"),
        header("__streams.errors.stacktrace", "org.apache.kafka.common.errors.SerializationException: …"),
        header("__streams.errors.topic", "clicks"),
        header("__streams.errors.partition", "0"),
        header("__streams.errors.offset", "98765"),
      ]),
    );
    expect(d.origin).toMatchObject({ topic: "clicks", partition: 0, offset: "98765", family: "streams" });
    expect(d.error).toMatchObject({
      type: "org.apache.kafka.common.errors.SerializationException",
      message: "Size of data received by IntegerDeserializer is not 4",
    });
  });

  it("reads a null message (Streams serialises a null getMessage() as a null value) as no message", () => {
    const d = decodeDeadLetter(
      letter("clicks-dlq", [
        header("__streams.errors.exception", "java.lang.NullPointerException"),
        header("__streams.errors.message", null),
      ]),
    );
    expect(d.error).toMatchObject({ type: "java.lang.NullPointerException", message: null });
  });
});

describe("decodeDeadLetter: plain x-original-* headers", () => {
  it("reads origin, the group that gave up, error type, message, attempts and first failure time", () => {
    const d = decodeDeadLetter(
      letter("payments.DLQ", [
        header("correlation-id", "c-123"),
        header("x-original-topic", "payments"),
        header("x-original-partition", "0"),
        header("x-original-offset", "17"),
        header("x-original-consumer-group", "payment-service"),
        header("x-error-type", "PaymentDeclined"),
        header("x-error-message", "card declined"),
        header("x-attempts", "3"),
        header("x-first-failure-at", "2023-11-14T22:13:20.000Z"),
      ]),
    );
    expect(d).toMatchObject({
      origin: {
        topic: "payments",
        partition: 0,
        offset: "17",
        consumerGroup: "payment-service",
        source: "header",
        family: "plain",
      },
      error: { type: "PaymentDeclined", message: "card declined" },
      attempts: 3,
      firstFailureAt: 1700000000000,
      families: ["plain"],
      warnings: [],
    });
  });
});
