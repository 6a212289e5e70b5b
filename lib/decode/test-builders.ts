/** Tiny builders for the decoder's tests: a record is described by what matters to the test only. */
import type { RawHeader, RawRecord } from "@/lib/model/raw-record";

import { createHeaderLookup, type HeaderLookup } from "./headers";

type HeaderValueInput = string | Uint8Array | null;

/** Headers as an object (one value or a list per key) or as ordered pairs (to repeat or re-case keys). */
export type HeadersInput =
  Record<string, HeaderValueInput | HeaderValueInput[]> | [string, HeaderValueInput][];

export interface RecordParts {
  topic?: string;
  partition?: number;
  offset?: string;
  timestamp?: string | number;
  key?: HeaderValueInput;
  /** Bytes or text as is; any other value is sent as its JSON text. */
  value?: HeaderValueInput | object;
  headers?: HeadersInput;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
export const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

function toBytes(value: HeaderValueInput): Uint8Array | null {
  return typeof value === "string" ? utf8(value) : value;
}

export function rawHeaders(headers: HeadersInput = {}): RawHeader[] {
  const pairs = Array.isArray(headers) ? headers : Object.entries(headers);
  return pairs.flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((item) => ({ key, value: toBytes(item) })),
  );
}

export function headerLookup(headers: HeadersInput = {}): HeaderLookup {
  return createHeaderLookup(rawHeaders(headers));
}

export function record(parts: RecordParts = {}): RawRecord {
  const value = parts.value ?? null;
  return {
    topic: parts.topic ?? "orders",
    partition: parts.partition ?? 0,
    offset: parts.offset ?? "42",
    timestamp: parts.timestamp ?? "1700000000000",
    key: toBytes(parts.key ?? null),
    value:
      value === null || typeof value === "string" || value instanceof Uint8Array
        ? toBytes(value)
        : utf8(JSON.stringify(value)),
    headers: rawHeaders(parts.headers),
  };
}

/** The W3C spec's example traceparent and its parts. */
export const W3C_EXAMPLE = {
  header: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
  traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
  parentId: "00f067aa0ba902b7",
};

/** The B3 spec's examples. */
export const B3_EXAMPLE = {
  single: "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1-05e3ac9a4f6e3b90",
  traceId: "80f198ee56343ba864fe8b2a57d3eff7",
  spanId: "e457b5a2e4d86bd1",
  parentSpanId: "05e3ac9a4f6e3b90",
  single64: "a3ce929d0e0e4736-00f067aa0ba902b7-1",
  padded64: "0000000000000000a3ce929d0e0e4736",
};
