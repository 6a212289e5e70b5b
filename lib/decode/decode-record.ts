import type { DecodedPayload, EventRecord } from "@/lib/model/event";
import { formatRecordId } from "@/lib/model/record-id";
import type { RawHeader, RawRecord } from "@/lib/model/raw-record";

import { utf8Length } from "./bytes";
import { createHeaderLookup, type HeaderLookup } from "./headers";
import { resolveIdentity, type Identity } from "./identity";
import { defaultDecodeOptions, resolveDecodeOptions, type DecodeOptions } from "./options";
import { decodePayload, decodeValue, type DecodedValue } from "./payload";
import { partDecoder } from "./part-errors";

const EMPTY_PAYLOAD: DecodedPayload = { kind: "empty", text: "", size: 0, truncated: false };

export const NO_IDENTITY: Identity = {
  traceId: null,
  traceSource: "none",
  spanId: null,
  parentSpanId: null,
  originTraceId: null,
  correlationId: null,
  causationId: null,
  messageId: null,
  service: null,
  eventType: null,
};

/** The whole record as this decoder knows it; lib/ingest adds what needs other rules (previews, dead-letter origin). */
export type DecodedRecord = Omit<EventRecord, "deadLetterOf" | "preview" | "keyPreview">;

/**
 * Decodes one raw Kafka record with its full payload, for a person looking at it. Never throws:
 * the collector must not stop on one odd record, so each part is decoded on its own and a part that fails
 * leaves a neutral value and a line in `decodeError`. Malformed *conventions* (a bad traceparent, an
 * unknown header) are not errors; they are ignored, as their specs ask.
 */
export function decodeRecord(raw: RawRecord, options?: Partial<DecodeOptions>): DecodedRecord {
  const { attempt, decodeError } = partDecoder();

  const resolved = attempt("options", () => resolveDecodeOptions(options), defaultDecodeOptions);
  const topic = attempt("topic", () => String(raw.topic), "");
  const partition = attempt("partition", () => Number(raw.partition), -1);
  const offset = attempt("offset", () => String(raw.offset), "");
  const timestamp = attempt("timestamp", () => toTimestamp(raw.timestamp), 0);
  const headers = attempt<HeaderLookup>(
    "headers",
    () => createHeaderLookup(raw.headers),
    createHeaderLookup([]),
  );
  const key = attempt(
    "key",
    () => (raw.key === null ? null : decodePayload(raw.key, resolved.payloadCapBytes)),
    null,
  );
  const value = attempt<DecodedValue>("value", () => decodeValue(raw.value, resolved.payloadCapBytes), {
    payload: EMPTY_PAYLOAD,
    json: null,
  });
  const identity = attempt(
    "identity",
    () => resolveIdentity({ headers, json: () => value.json?.value }, resolved),
    NO_IDENTITY,
  );
  const size = attempt("size", () => recordSize(raw.key, raw.value, raw.headers), 0);

  return {
    id: formatRecordId(topic, partition, offset),
    topic,
    partition,
    offset,
    timestamp,
    key,
    headers: [...headers.decoded],
    value: value.payload,
    size,
    ...identity,
    decodeError: decodeError(),
  };
}

export function toTimestamp(timestamp: string | number): number {
  const ms = typeof timestamp === "number" ? timestamp : Number(timestamp);
  if (!Number.isFinite(ms)) throw new Error(`not a number of milliseconds: ${JSON.stringify(timestamp)}`);
  return ms;
}

/** Bytes as received: key, value, and every header's key (as UTF-8) and value. */
export function recordSize(
  key: Uint8Array | null,
  value: Uint8Array | null,
  headers: readonly RawHeader[],
): number {
  let size = (key?.length ?? 0) + (value?.length ?? 0);
  for (const header of headers) size += utf8Length(header.key) + (header.value?.length ?? 0);
  return size;
}
