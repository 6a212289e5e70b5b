/**
 * The whole record for a person looking at it (the event drawer, the live tail): the full decode of headers,
 * key and value, with the same summary fields the store keeps, so the two views of an event never disagree.
 * Keys and values in a schema registry's wire format are decoded with their schemas (fetched beforehand by
 * the server) and their ids re-read from the decoded value, as the collector did when it stored them.
 */
import { createHeaderLookup, type DecodeOptions, decodeRecord, resolveIdentity } from "@/lib/decode";
import type { EventRecord } from "@/lib/model/event";
import type { RawRecord } from "@/lib/model/raw-record";
import { deadLetterOrigin, readDeadLetter } from "@/lib/ingest/dead-letter-of";
import type { IngestOptions } from "@/lib/ingest/ingest-options";
import { previewBytes } from "@/lib/ingest/preview";
import { decodeWireValue } from "@/lib/schema-registry/decode-wire";
import type { SchemaLookup } from "@/lib/schema-registry/schema-lookup";

export function decodeEvent(raw: RawRecord, options: IngestOptions): EventRecord {
  let record = decodeRecord(raw, options.decode);
  if (options.schemas) record = withSchemas(record, raw, options.schemas, options.decode);
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

type Decoded = ReturnType<typeof decodeRecord>;

function withSchemas(record: Decoded, raw: RawRecord, schemas: SchemaLookup, decode: DecodeOptions): Decoded {
  const cap = decode.payloadCapBytes;
  const key = decodeWireValue(raw.key, schemas, cap);
  const value = decodeWireValue(raw.value, schemas, cap);
  if (!key && !value) return record;
  const decoded = { ...record, key: key?.payload ?? record.key, value: value?.payload ?? record.value };
  if (!value?.json) return decoded;
  try {
    const json = value.json.value;
    return {
      ...decoded,
      ...resolveIdentity({ headers: createHeaderLookup(raw.headers), json: () => json }, decode),
    };
  } catch {
    return decoded; // the identity decodeRecord found stands
  }
}
