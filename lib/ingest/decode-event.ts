/**
 * The whole record for a person looking at it (the event drawer, the live tail): the full decode of headers,
 * key and value, with the same summary fields the store keeps, so the two views of an event never disagree.
 */
import { decodeRecord } from "@/lib/decode";
import type { EventRecord } from "@/lib/model/event";
import type { RawRecord } from "@/lib/model/raw-record";
import { deadLetterOrigin, readDeadLetter } from "@/lib/ingest/dead-letter-of";
import type { IngestOptions } from "@/lib/ingest/ingest-options";
import { previewBytes } from "@/lib/ingest/preview";

export function decodeEvent(raw: RawRecord, options: IngestOptions): EventRecord {
  const record = decodeRecord(raw, options.decode);
  let origin: string | null = null;
  try {
    origin = deadLetterOrigin(readDeadLetter(raw, options.dlqPatterns));
  } catch {
    // The origin is a convenience for the trace view; the record is shown either way.
  }
  return {
    ...record,
    deadLetterOf: origin,
    preview: previewBytes(raw.value),
    keyPreview: raw.key === null ? null : previewBytes(raw.key),
  };
}
