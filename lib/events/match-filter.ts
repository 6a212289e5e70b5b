/** Decides whether an event belongs in a view; shared by the server's tail/REST and the browser. */
import type { EventFilter } from "@/lib/api/events";
import type { EventSummary } from "@/lib/model/event";

/** Fields free text is matched against; the payload by its preview, which every stored event keeps. */
function haystack(e: EventSummary): string[] {
  return [
    e.id,
    e.topic,
    e.service ?? "",
    e.eventType ?? "",
    e.traceId ?? "",
    e.correlationId ?? "",
    e.messageId ?? "",
    e.keyPreview ?? "",
    e.preview,
  ];
}

export function matchesEventFilter(e: EventSummary, filter: EventFilter): boolean {
  if (filter.topic && e.topic !== filter.topic) return false;
  if (filter.service && e.service !== filter.service) return false;
  if (filter.type && e.eventType !== filter.type) return false;
  const q = filter.q?.trim().toLowerCase();
  if (q) return haystack(e).some((field) => field.toLowerCase().includes(q));
  return true;
}

export function isEmptyFilter(filter: EventFilter): boolean {
  return !filter.topic && !filter.service && !filter.type && !filter.q?.trim();
}
