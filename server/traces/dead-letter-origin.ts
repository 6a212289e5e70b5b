/**
 * Finds the record a dead letter was made from, so the trace hangs the DLQ row under the hop that failed.
 * The decoded headers are turned back into bytes (hex-shown values are the original bytes) because Spring
 * writes the origin partition and offset as binary integers.
 */
import { decodeDeadLetter } from "@/lib/dlq";
import type { EventRecord } from "@/lib/model/event";
import type { RawHeader } from "@/lib/model/raw-record";

const enc = new TextEncoder();

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function rawHeadersOf(event: EventRecord): RawHeader[] {
  return event.headers.map((h) => ({
    key: h.key,
    value:
      h.value === null
        ? null
        : h.value.encoding === "hex"
          ? hexToBytes(h.value.text)
          : enc.encode(h.value.text),
  }));
}

/** The origin event id (`topic/partition/offset`) a dead letter names in its headers, if any. */
export function deadLetterOriginId(event: EventRecord): string | null {
  const letter = decodeDeadLetter({ ...event, headers: rawHeadersOf(event) });
  const o = letter.origin;
  return o.source === "header" && o.topic && o.partition !== null && o.offset !== null
    ? `${o.topic}/${o.partition}/${o.offset}`
    : null;
}
