/** Tiny builders for store tests: an ingested event described by what matters to the test only. */
import { resolveDecodeOptions } from "@/lib/decode";
import { summarizeRecord } from "@/lib/ingest/summarize-record";
import type { RawRecord } from "@/lib/model/raw-record";
import type { IngestedEvent } from "@/server/store/event-store";

const enc = new TextEncoder();
const options = { decode: resolveDecodeOptions({}), dlqPatterns: ["*.DLQ"] };

export interface RecordParts {
  topic?: string;
  partition?: number;
  offset: number;
  timestamp?: number;
  trace?: string;
  correlationId?: string;
  service?: string;
  value?: string | Uint8Array;
  headers?: RawRecord["headers"];
}

export function ingested(parts: RecordParts): IngestedEvent {
  const headers: RawRecord["headers"] = [...(parts.headers ?? [])];
  if (parts.trace)
    headers.push({ key: "traceparent", value: enc.encode(`00-${parts.trace}-00f067aa0ba902b7-01`) });
  if (parts.correlationId) headers.push({ key: "correlation-id", value: enc.encode(parts.correlationId) });
  if (parts.service) headers.push({ key: "ce_source", value: enc.encode(parts.service) });
  const value = parts.value ?? `{"n":${parts.offset}}`;
  const raw: RawRecord = {
    topic: parts.topic ?? "orders",
    partition: parts.partition ?? 0,
    offset: String(parts.offset),
    timestamp: parts.timestamp ?? 1_700_000_000_000 + parts.offset,
    key: enc.encode(`k-${parts.offset}`),
    value: typeof value === "string" ? enc.encode(value) : value,
    headers,
  };
  return { summary: summarizeRecord(raw, options), payload: raw };
}

/** A trace id for test number `n`. */
export const traceOf = (n: number) => n.toString(16).padStart(32, "0");
