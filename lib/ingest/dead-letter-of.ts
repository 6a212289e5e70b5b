/**
 * The record a dead letter was made from, read from its headers once at ingest, so the trace view can hang
 * the DLQ row under the hop that failed without decoding the letter again.
 */
import { decodeDeadLetter, hasDeadLetterHeaders, isDlqTopicName } from "@/lib/dlq";
import type { RawRecord } from "@/lib/model/raw-record";
import { formatRecordId } from "@/lib/model/record-id";

export function deadLetterOf(raw: RawRecord, dlqPatterns: readonly string[]): string | null {
  if (raw.headers.length === 0) return null;
  if (!isDlqTopicName(raw.topic, dlqPatterns) && !hasDeadLetterHeaders(raw.headers)) return null;
  const o = decodeDeadLetter(raw, { patterns: dlqPatterns }).origin;
  return o.source === "header" && o.topic && o.partition !== null && o.offset !== null
    ? formatRecordId(o.topic, o.partition, o.offset)
    : null;
}
