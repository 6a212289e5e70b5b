import { z } from "zod";
import type { EventRecord } from "@/lib/model/event";

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

/** The index's coverage, so empty results can say "nothing in the last 58 minutes" instead of just "none". */
export interface IndexWindow {
  /** Timestamp of the oldest event still held, ms since epoch; null when empty. */
  from: number | null;
  to: number | null;
  events: number;
  /** True when old events were evicted to stay within the memory budget. */
  evicted: boolean;
}

/**
 * A tail row: the event with its value cut to a short preview, so a fast stream stays cheap to ship.
 * The drawer fetches the full event with `GET /api/events/:id`.
 */
export type TailEvent = EventRecord;

export interface EventsResponse {
  events: TailEvent[];
  window: IndexWindow;
}

export interface EventResponse {
  event: EventRecord;
}
