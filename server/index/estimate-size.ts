/**
 * Estimates how much heap an EventRecord holds, so the index can keep a memory budget without asking V8.
 * Strings count two bytes per char (V8 may store one-byte strings, so this errs on the safe side), plus a
 * fixed overhead for the object, its arrays and the index entries that point at it. Parsed JSON is costed
 * at its text size again: it is a second copy of the same content.
 */
import type { DecodedPayload, EventRecord } from "@/lib/model/event";

const RECORD_OVERHEAD = 640;
const HEADER_OVERHEAD = 96;

const str = (s: string | null | undefined) => (s ? 40 + s.length * 2 : 0);

function payloadBytes(p: DecodedPayload | null): number {
  if (!p) return 0;
  return 64 + str(p.text) + (p.json !== undefined ? p.text.length * 2 : 0);
}

export function estimateEventBytes(e: EventRecord): number {
  let bytes = RECORD_OVERHEAD + str(e.id) + str(e.topic) + str(e.offset);
  bytes += payloadBytes(e.key) + payloadBytes(e.value);
  for (const h of e.headers) bytes += HEADER_OVERHEAD + str(h.key) + str(h.value?.text);
  for (const s of [e.traceId, e.spanId, e.parentSpanId, e.originTraceId, e.correlationId, e.causationId])
    bytes += str(s);
  for (const s of [e.messageId, e.service, e.eventType, e.decodeError]) bytes += str(s);
  return bytes;
}
