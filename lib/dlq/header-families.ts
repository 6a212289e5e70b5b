/**
 * The dead-letter header families (Spring Kafka's DeadLetterPublishingRecoverer, Spring @RetryableTopic,
 * Kafka Connect, Kafka Streams, plain `x-original-*`/`x-error-*` headers), as data: which header carries
 * which fact and how numbers are encoded. Decoding (decode-family.ts), DLQ recognition and re-drive
 * stripping all read this one table, so a family added here is decoded, recognised and stripped alike.
 * Names are lowercase because header names are matched case-insensitively.
 */
import type { DeadLetterFamily } from "./types";

export interface ErrorHeaders {
  type: string;
  causeType?: string;
  message: string;
  stacktrace?: string;
}

export interface FamilySpec {
  family: DeadLetterFamily;
  /** Spring writes numbers as big-endian binary; everyone else as decimal text. */
  numbers: "binary" | "decimal";
  origin: {
    topic: string;
    partition: string;
    offset: string;
    timestamp?: string;
    timestampType?: string;
    consumerGroup?: string;
  };
  error: ErrorHeaders;
  keyError?: ErrorHeaders;
  attempts?: string;
  firstFailureAt?: string;
  /** Extra context shown with the error, by display name. */
  details?: Readonly<Record<string, string>>;
  /** Every header this family owns starts with one of these or is listed in `ownedNames`. */
  ownedPrefixes: readonly string[];
  ownedNames?: readonly string[];
}

export const FAMILIES: readonly FamilySpec[] = [
  {
    family: "spring-dlt",
    numbers: "binary",
    origin: {
      topic: "kafka_dlt-original-topic",
      partition: "kafka_dlt-original-partition",
      offset: "kafka_dlt-original-offset",
      timestamp: "kafka_dlt-original-timestamp",
      timestampType: "kafka_dlt-original-timestamp-type",
      consumerGroup: "kafka_dlt-original-consumer-group",
    },
    error: {
      type: "kafka_dlt-exception-fqcn",
      causeType: "kafka_dlt-exception-cause-fqcn",
      message: "kafka_dlt-exception-message",
      stacktrace: "kafka_dlt-exception-stacktrace",
    },
    keyError: {
      type: "kafka_dlt-key-exception-fqcn",
      message: "kafka_dlt-key-exception-message",
      stacktrace: "kafka_dlt-key-exception-stacktrace",
    },
    ownedPrefixes: ["kafka_dlt-"],
  },
  {
    family: "spring-retry",
    numbers: "binary",
    origin: {
      topic: "kafka_original-topic",
      partition: "kafka_original-partition",
      offset: "kafka_original-offset",
      timestamp: "kafka_original-timestamp",
      timestampType: "kafka_original-timestamp-type",
      // Spring's KafkaHeaders.ORIGINAL_CONSUMER_GROUP really is the `dlt-` name.
      consumerGroup: "kafka_dlt-original-consumer-group",
    },
    error: {
      type: "kafka_exception-fqcn",
      causeType: "kafka_exception-cause-fqcn",
      message: "kafka_exception-message",
      stacktrace: "kafka_exception-stacktrace",
    },
    keyError: {
      type: "kafka_key-exception-fqcn",
      message: "kafka_key-exception-message",
      stacktrace: "kafka_key-exception-stacktrace",
    },
    attempts: "retry_topic-attempts",
    // retry_topic-backoff-timestamp / -original-timestamp steer Spring's retry listener: stale on re-drive.
    ownedPrefixes: ["kafka_original-", "kafka_exception-", "kafka_key-exception-", "retry_topic-"],
  },
  {
    family: "connect",
    numbers: "decimal",
    origin: {
      topic: "__connect.errors.topic",
      partition: "__connect.errors.partition",
      offset: "__connect.errors.offset",
    },
    error: {
      type: "__connect.errors.exception.class.name",
      message: "__connect.errors.exception.message",
      stacktrace: "__connect.errors.exception.stacktrace",
    },
    details: {
      connector: "__connect.errors.connector.name",
      task: "__connect.errors.task.id",
      stage: "__connect.errors.stage",
      class: "__connect.errors.class.name",
    },
    ownedPrefixes: ["__connect.errors."],
  },
  {
    family: "streams",
    numbers: "decimal",
    origin: {
      topic: "__streams.errors.topic",
      partition: "__streams.errors.partition",
      offset: "__streams.errors.offset",
    },
    error: {
      type: "__streams.errors.exception",
      message: "__streams.errors.message",
      stacktrace: "__streams.errors.stacktrace",
    },
    ownedPrefixes: ["__streams.errors."],
  },
  {
    family: "plain",
    numbers: "decimal",
    origin: {
      topic: "x-original-topic",
      partition: "x-original-partition",
      offset: "x-original-offset",
      // The demo's payment-service, and apps following its lead, name the group that gave up.
      consumerGroup: "x-original-consumer-group",
    },
    error: { type: "x-error-type", message: "x-error-message" },
    attempts: "x-attempts",
    firstFailureAt: "x-first-failure-at",
    ownedPrefixes: ["x-original-", "x-error-"],
    ownedNames: ["x-attempts", "x-first-failure-at"],
  },
];

/** True when the family owns the header (`lowerKey` already lowercased). */
export function ownsHeader(spec: FamilySpec, lowerKey: string): boolean {
  return (
    spec.ownedPrefixes.some((p) => lowerKey.startsWith(p)) || (spec.ownedNames?.includes(lowerKey) ?? false)
  );
}

/** True for a header any family owns: an error, origin or retry-bookkeeping header. */
export function isDeadLetterHeaderKey(key: string): boolean {
  const lowerKey = key.toLowerCase();
  return FAMILIES.some((f) => ownsHeader(f, lowerKey));
}

/**
 * Headers whose presence makes a record a dead letter: an origin topic or an error. Attempts alone do not
 * (apps count retries without dead-lettering), nor do partition or offset without a topic.
 */
export const IDENTIFYING_HEADERS: ReadonlySet<string> = new Set(
  FAMILIES.flatMap((f) => [
    f.origin.topic,
    ...Object.values(f.error),
    ...(f.keyError ? Object.values(f.keyError) : []),
  ]),
);
