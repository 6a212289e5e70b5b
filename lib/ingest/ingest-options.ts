/** What the ingest decoders need to know beyond the record: the decode rules and which topics hold dead letters. */
import { type DecodeOptions, resolveDecodeOptions } from "@/lib/decode";
import type { SchemaLookup } from "@/lib/schema-registry/schema-lookup";

export interface IngestOptions {
  /** Resolved once at start (resolveDecodeOptions), never per record. */
  decode: DecodeOptions;
  /** DLQ topic name patterns (`*.DLQ`, `*-dlt`, …). */
  dlqPatterns: readonly string[];
  /** Schemas of a configured schema registry, for keys and values in its wire format; absent: none. */
  schemas?: SchemaLookup;
}

/** The default decode rules with the configured DLQ patterns: what the collector and the DLQ reader use. */
export function ingestOptions(dlqPatterns: readonly string[], schemas?: SchemaLookup): IngestOptions {
  return { decode: resolveDecodeOptions({}), dlqPatterns, ...(schemas ? { schemas } : {}) };
}
