/** Cuts an event down for the live tail: a short value preview keeps a fast stream cheap to ship. */
import type { DecodedPayload, EventRecord } from "@/lib/model/event";

export const TAIL_PREVIEW_CHARS = 512;

function preview(payload: DecodedPayload): DecodedPayload {
  if (payload.text.length <= TAIL_PREVIEW_CHARS) return payload;
  // The full JSON stays on the server; the drawer fetches it by id.
  return {
    kind: payload.kind,
    text: payload.text.slice(0, TAIL_PREVIEW_CHARS),
    size: payload.size,
    truncated: true,
  };
}

export function toTailEvent(e: EventRecord): EventRecord {
  return { ...e, value: preview(e.value), key: e.key ? preview(e.key) : null };
}
