/**
 * A dead letter's headers, decoded once at ingest: its origin gives the trace view the record it was made
 * from, and the DLQ view keeps the whole decoding (error, attempts, families) instead of decoding again.
 */
import { type DecodedDeadLetter, decodeDeadLetter, hasDeadLetterHeaders, isDlqTopicName } from "@/lib/dlq";
import type { RawRecord } from "@/lib/model/raw-record";
import { formatRecordId } from "@/lib/model/record-id";

/**
 * The decoded dead letter, or null for a record that is not one: not on a DLQ topic (by name, or `known`
 * from the DLQ catalogue) and without dead-letter headers.
 */
export function readDeadLetter(
  raw: RawRecord,
  dlqPatterns: readonly string[],
  known = false,
): DecodedDeadLetter | null {
  if (
    !known &&
    (raw.headers.length === 0 || !isDlqTopicName(raw.topic, dlqPatterns)) &&
    !hasDeadLetterHeaders(raw.headers)
  )
    return null;
  return decodeDeadLetter(raw, { patterns: dlqPatterns });
}

/** The origin record's id, when the letter's headers name it (not when it is only derived from the topic name). */
export function deadLetterOrigin(letter: DecodedDeadLetter | null): string | null {
  const o = letter?.origin;
  return o && o.source === "header" && o.topic && o.partition !== null && o.offset !== null
    ? formatRecordId(o.topic, o.partition, o.offset)
    : null;
}
