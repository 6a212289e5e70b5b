/**
 * The one decoded shape of a Kafka record that every part of Eventscope works with. The collector decodes
 * each record exactly once into this (see lib/decode/) and the index, the live hub, trace stitching and the
 * UI only ever read it. Keep it plain data: it crosses the socket as JSON.
 */

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
}

/** Where the trace id of an event came from, in the precedence order the decoder uses. */
export type TraceSource =
  "traceparent" | "b3" | "b3-multi" | "cloudevents" | "correlation" | "payload" | "none";

export interface EventRecord {
  /** `${topic}/${partition}/${offset}`: unique and stable for a record. */
  id: string;
  topic: string;
  partition: number;
  /** Offsets are int64 in Kafka; kept as decimal strings to survive JSON. */
  offset: string;
  /** Record timestamp, ms since epoch (CreateTime or LogAppendTime, whichever the topic uses). */
  timestamp: number;
  key: DecodedPayload | null;
  headers: DecodedHeader[];
  value: DecodedPayload;
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

  /** Set when part of the record could not be decoded; the record is still kept and shown. */
  decodeError: string | null;
}
