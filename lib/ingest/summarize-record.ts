/**
 * The ingest hot path: one raw record → the EventSummary the store keeps. Only what indexing needs is
 * decoded: the pointer, the size, the headers' identity (trace context, correlation/causation/message ids,
 * CloudEvents attributes), a short preview, and for dead letters their origin. The value is parsed only
 * when an identity rule asks for it (a structured-mode CloudEvent, a payload id fallback). Never throws.
 */
import { createHeaderLookup, resolveIdentity } from "@/lib/decode";
import { NO_IDENTITY, recordSize, toTimestamp } from "@/lib/decode/decode-record";
import { partDecoder } from "@/lib/decode/part-errors";
import type { EventSummary } from "@/lib/model/event";
import type { RawRecord } from "@/lib/model/raw-record";
import { formatRecordId } from "@/lib/model/record-id";
import type { DecodedDeadLetter } from "@/lib/dlq";
import { deadLetterOrigin, readDeadLetter } from "@/lib/ingest/dead-letter-of";
import type { IngestOptions } from "@/lib/ingest/ingest-options";
import { lazyJson } from "@/lib/ingest/lazy-json";
import { previewBytes } from "@/lib/ingest/preview";

export function summarizeRecord(raw: RawRecord, options: IngestOptions): EventSummary {
  return summarize(raw, options, false).summary;
}

/** For a record known to be a dead letter (the DLQ reader's): its summary and its decoding, from one pass. */
export function summarizeDeadLetter(
  raw: RawRecord,
  options: IngestOptions,
): { summary: EventSummary; letter: DecodedDeadLetter | null } {
  return summarize(raw, options, true);
}

function summarize(
  raw: RawRecord,
  options: IngestOptions,
  knownDeadLetter: boolean,
): { summary: EventSummary; letter: DecodedDeadLetter | null } {
  const { attempt, decodeError } = partDecoder();
  const timestamp = attempt("timestamp", () => toTimestamp(raw.timestamp), 0);
  const identity = attempt(
    "identity",
    () =>
      resolveIdentity(
        { headers: createHeaderLookup(raw.headers), json: lazyJson(raw.value, options.schemas) },
        options.decode,
      ),
    NO_IDENTITY,
  );
  const letter = attempt(
    "dead letter",
    () => readDeadLetter(raw, options.dlqPatterns, knownDeadLetter),
    null,
  );
  const summary: EventSummary = {
    id: formatRecordId(raw.topic, raw.partition, raw.offset),
    topic: raw.topic,
    partition: raw.partition,
    offset: raw.offset,
    timestamp,
    size: attempt("size", () => recordSize(raw.key, raw.value, raw.headers), 0),
    ...identity,
    deadLetterOf: deadLetterOrigin(letter),
    preview: attempt("value", () => previewBytes(raw.value), ""),
    keyPreview: raw.key === null ? null : attempt("key", () => previewBytes(raw.key), ""),
    decodeError: decodeError(),
  };
  return { summary, letter };
}
