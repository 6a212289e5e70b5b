/**
 * What Eventscope knows about a dead letter after reading its headers and topic name. Plain data: it
 * crosses the socket and the REST API as JSON.
 */
import type { RawRecord } from "@/lib/model/raw-record";

/** The producers of dead letters whose header conventions Eventscope reads. */
export type DeadLetterFamily = "spring-dlt" | "spring-retry" | "connect" | "streams" | "plain";

/**
 * Where the origin came from. "derived-from-name" must be shown as such in the UI (it is a guess from the
 * DLQ topic's name); "unknown" means the user has to pick a re-drive target.
 */
export type OriginSource = "header" | "derived-from-name" | "unknown";

export interface DeadLetterOrigin {
  topic: string | null;
  partition: number | null;
  /** int64 as a decimal string, like every offset in Eventscope. */
  offset: string | null;
  /** ms since epoch. */
  timestamp: number | null;
  /** Spring's `CreateTime` / `LogAppendTime` when the producer says which one `timestamp` is. */
  timestampType: string | null;
  consumerGroup: string | null;
  source: OriginSource;
  /** The header family that named the origin; null when the origin was derived or is unknown. */
  family: DeadLetterFamily | null;
}

export interface DeadLetterError {
  /** Exception class (Java FQCN for Spring, Connect and Streams) or the app's own error type. */
  type: string | null;
  causeType: string | null;
  message: string | null;
  stacktrace: string | null;
  /** True when the producer marked the failure as one of the record's key (Spring key-exception headers). */
  keyFailure: boolean;
  /** Family-specific context, e.g. Kafka Connect's connector, task, stage and class. */
  details: Record<string, string>;
}

export interface DecodedDeadLetter {
  /** `dlqTopic/partition/offset`: the dead letter's id and its key in the re-drive ledger. */
  id: string;
  /** The dead letter record's own timestamp (ms), used by re-drive filters; null when unreadable. */
  timestamp: number | null;
  origin: DeadLetterOrigin;
  error: DeadLetterError;
  attempts: number | null;
  /** ms since epoch. */
  firstFailureAt: number | null;
  /** Every header family found on the record, in the order their headers first appear. */
  families: DeadLetterFamily[];
  /** What could not be decoded or was accepted only leniently; never fatal. */
  warnings: string[];
}

/** The parts of a record that dead-letter decoding reads. */
export type DeadLetterRecord = Pick<RawRecord, "topic" | "partition" | "offset" | "timestamp" | "headers">;

export interface DecodeDeadLetterOptions {
  /** DLQ topic name patterns used to derive the origin when no header names it; defaults to the conventions'. */
  patterns?: readonly string[];
}
