import { z } from "zod";
import { defineRoute, typedResponse } from "@/lib/api/contract";
import type { EventRecord, EventSummary } from "@/lib/model/event";

/** What a person can filter the event tail and `GET /api/events` by. Every field narrows; empty = all. */
export const eventFilterSchema = z.object({
  topic: z.string().max(249).optional(),
  service: z.string().max(200).optional(),
  type: z.string().max(200).optional(),
  /** Free text: matched case-insensitively against ids, key, type, service, topic and the payload preview. */
  q: z.string().max(200).optional(),
});
export type EventFilter = z.infer<typeof eventFilterSchema>;

export const eventsQuerySchema = eventFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** The store's coverage, so empty results can say "nothing in the last 58 minutes" instead of just "none". */
export interface IndexWindow {
  /** Timestamp of the oldest event still held, ms since epoch; null when empty. */
  from: number | null;
  to: number | null;
  events: number;
  /** True when old events were evicted by retention (age or disk budget). */
  evicted: boolean;
}

/**
 * A tail row: the event's summary (ids, type, a short preview), so a fast stream stays cheap to ship.
 * The drawer fetches the full event with `GET /api/events/:id`.
 */
export type TailEvent = EventSummary;

export interface EventsResponse {
  events: EventSummary[];
  window: IndexWindow;
  /** True when the search stopped at its time budget before the start of the window. */
  partial: boolean;
  /** With `partial`: the oldest timestamp the search reached, ms since epoch. */
  scannedBackTo: number | null;
}

/**
 * One event. Its payload is kept within the store's disk budget; once dropped to make room, the event's
 * summary is still answered and `payload` says "expired" (a state, not an error).
 */
export type EventResponse =
  { payload: "stored"; event: EventRecord } | { payload: "expired"; event: EventSummary };

export const eventsRoute = defineRoute({
  method: "GET",
  path: "/api/events",
  summary: "Recent events, newest first, filtered by topic, service, type and free text",
  query: eventsQuerySchema,
  response: typedResponse<EventsResponse>("Matching event summaries and the store's window"),
});

export const eventRoute = defineRoute({
  method: "GET",
  path: "/api/events/:id",
  summary: "One event (`topic/partition/offset`) with its decoded payload, or its summary once expired",
  params: z.object({ id: z.string() }),
  response: typedResponse<EventResponse>("The event"),
});
