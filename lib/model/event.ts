/**
 * The decoded shapes of a Kafka record. The collector decodes each record once, cheaply, into an
 * EventSummary (lib/decode/summarize-record) that the store, the flows and trace stitching read; the full
 * EventRecord is decoded from the stored bytes only when someone looks at the event. Plain data: both cross
 * the socket and the REST API as JSON.
 */

/** Previews in summaries stay short: they are stored for every event of the retention window. */
export const SUMMARY_PREVIEW_CHARS = 160;

/** A header value as shown to a person: UTF-8 text when the bytes are valid UTF-8, else hex. */
export interface HeaderValue {
  /** Display text: the UTF-8 string, or the bytes as lowercase hex when they are not valid UTF-8. */
  text: string;
  encoding: "utf8" | "hex";
}

/** One header occurrence. Keys may repeat in Kafka, so headers are a list, in record order. */
export interface DecodedHeader {
  /** The key exactly as it was on the record (matching elsewhere is case-insensitive). */
  key: string;
  value: HeaderValue | null;
}

export type PayloadKind = "json" | "text" | "binary" | "empty";

export interface DecodedPayload {
  kind: PayloadKind;
  /** Parsed JSON when kind is "json" (possibly from a truncated source: then only `text` is set). */
  json?: unknown;
  /** UTF-8 text (kind "text" or "json") or lowercase hex (kind "binary"), possibly truncated. */
  text: string;
  /** Size of the original value in bytes. */
  size: number;
  /** True when `text` holds only the first part of the value (see the index's payload cap). */
  truncated: boolean;
  /** For a value in a schema registry's wire format that was decoded: the schema that decoded it. */
  schema?: PayloadSchema;
  /** For a value in the wire format that could not be decoded (shown as bytes): why, for a person. */
  notDecoded?: string;
}

/** A schema in a Confluent-compatible schema registry, as shown beside the payload it decoded. */
export interface PayloadSchema {
  /** The id in the record's 5-byte header. */
  id: number;
  format: "avro" | "protobuf" | "json";
  /** A subject and version that registered this schema; null when the registry did not say. */
  subject: string | null;
  version: number | null;
}

/** Where the trace id of an event came from, in the precedence order the decoder uses. */
export type TraceSource =
  "traceparent" | "b3" | "b3-multi" | "cloudevents" | "correlation" | "payload" | "none";

/**
 * What the event store keeps per record: the pointer, the identity the trace and flow views work with, and a
 * short preview. It is built on the ingest hot path from the headers alone (the value is parsed only when
 * an identity rule needs it), so it holds no headers and no full payload; `EventRecord` adds those, decoded
 * lazily when a person opens the event.
 */
export interface EventSummary {
  /** `${topic}/${partition}/${offset}` (lib/model/record-id): unique and stable for a record. */
  id: string;
  topic: string;
  partition: number;
  /** Offsets are int64 in Kafka; kept as decimal strings to survive JSON. */
  offset: string;
  /** Record timestamp, ms since epoch (CreateTime or LogAppendTime, whichever the topic uses). */
  timestamp: number;
  /** Total size of key + value + headers in bytes, as received. */
  size: number;

  /** 32 lowercase hex chars (W3C form; B3 64-bit ids are left-padded with zeros), or null. */
  traceId: string | null;
  traceSource: TraceSource;
  /** 16 lowercase hex chars: the span (W3C parent-id / B3 span id) this message was produced under. */
  spanId: string | null;
  /** Span id of the parent (B3 parent span id) when the headers carry one. */
  parentSpanId: string | null;
  /** The trace this delivery started in (CloudEvents `ce_traceparent`), when it differs per hop. */
  originTraceId: string | null;
  correlationId: string | null;
  /** Id of the message that caused this one: points at another event's `messageId`. */
  causationId: string | null;
  messageId: string | null;
  /** Producing service from headers; "unknown" is never guessed, it is null. */
  service: string | null;
  eventType: string | null;
  /** For a dead letter whose headers name its origin: the origin record's id. */
  deadLetterOf: string | null;

  /** The start of the value as text (hex when it is not UTF-8), at most SUMMARY_PREVIEW_CHARS long. */
  preview: string;
  /** The key as text (hex when not UTF-8), cut like the preview; null for a null key. */
  keyPreview: string | null;

  /** Set when part of the record could not be decoded; the record is still kept and shown. */
  decodeError: string | null;
}

/** The whole decoded record: the summary plus headers, key and value, for the event drawer and the tail. */
export interface EventRecord extends EventSummary {
  key: DecodedPayload | null;
  headers: DecodedHeader[];
  value: DecodedPayload;
}
