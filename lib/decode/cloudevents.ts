import type { HeaderLookup } from "./headers";
import { isRecord, jsonIdText } from "./json-path";
import { parseTraceparent, type Traceparent } from "./traceparent";

/**
 * The CloudEvents attributes Eventscope uses, from either content mode of the Kafka protocol binding
 * (https://github.com/cloudevents/spec/blob/main/cloudevents/bindings/kafka-protocol-binding.md).
 */
export interface CloudEventInfo {
  mode: "binary" | "structured";
  id: string | null;
  source: string | null;
  type: string | null;
  subject: string | null;
  time: string | null;
  specversion: string | null;
  /** Distributed-tracing extension: the trace the delivery *started* in; per-hop `traceparent` may differ. */
  traceparent: Traceparent | null;
  /** Correlation extension. */
  correlationId: string | null;
  causationId: string | null;
}

const STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";
const BINARY_MARKERS = ["ce_specversion", "ce_id", "ce_source", "ce_type"];

/**
 * Reads a CloudEvent from a record, or null when the record is not one. Structured mode is announced by
 * the content type (the whole event is then the JSON value); binary mode puts each attribute in a `ce_`
 * header. `json` is called only for structured mode, so non-CloudEvents never pay for a parse.
 */
export function readCloudEvent(headers: HeaderLookup, json: () => unknown): CloudEventInfo | null {
  if (isStructured(headers)) {
    const event = json();
    return isRecord(event) ? fromStructured(event) : null;
  }
  return headers.firstText(BINARY_MARKERS) === null ? null : fromBinary(headers);
}

function isStructured(headers: HeaderLookup): boolean {
  // Media types are case-insensitive and may carry parameters such as "; charset=utf-8".
  const contentType = headers.firstText(["content-type"]);
  return contentType?.toLowerCase().split(";")[0]?.trim() === STRUCTURED_CONTENT_TYPE;
}

function fromBinary(headers: HeaderLookup): CloudEventInfo {
  const text = (name: string) => headers.firstText([name]);
  const traceparent = headers.firstText(["ce_traceparent"], { utf8Only: true });
  return {
    mode: "binary",
    id: text("ce_id"),
    source: text("ce_source"),
    type: text("ce_type"),
    subject: text("ce_subject"),
    time: text("ce_time"),
    specversion: text("ce_specversion"),
    traceparent: traceparent === null ? null : parseTraceparent(traceparent),
    correlationId: text("ce_correlationid"),
    causationId: text("ce_causationid"),
  };
}

function fromStructured(event: Record<string, unknown>): CloudEventInfo {
  const text = (name: string) => jsonIdText(event[name]);
  const traceparent = typeof event.traceparent === "string" ? event.traceparent : null;
  return {
    mode: "structured",
    id: text("id"),
    source: text("source"),
    type: text("type"),
    subject: text("subject"),
    time: text("time"),
    specversion: text("specversion"),
    traceparent: traceparent === null ? null : parseTraceparent(traceparent),
    correlationId: text("correlationid"),
    causationId: text("causationid"),
  };
}
