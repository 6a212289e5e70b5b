/** `GET /api/events` (recent events, newest first) and `GET /api/events/:id` (one event, full payload). */
import { type EventResponse, type EventsResponse, eventsQuerySchema } from "@/lib/api/events";
import { AppError } from "@/lib/errors";
import type { Router } from "@/server/http/router";
import type { EventStore } from "@/server/index/event-store";

export function registerEventRoutes(router: Router, index: EventStore): void {
  router.get("/api/events", ({ url }): EventsResponse => {
    const query = eventsQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success)
      throw new AppError(
        "bad_request",
        `invalid query: ${query.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
      );
    const { limit, ...filter } = query.data;
    return { events: index.recent(filter, limit), window: index.stats().window };
  });

  router.get("/api/events/:id", ({ params }): EventResponse => {
    const id = params.id ?? "";
    const event = index.get(id);
    if (!event) {
      const w = index.stats().window;
      const covers =
        w.from !== null && w.to !== null
          ? ` (the index covers ${new Date(w.from).toISOString()} – ${new Date(w.to).toISOString()})`
          : " (the index is empty)";
      throw new AppError("not_found", `event ${id} is not in the index${covers}`);
    }
    return { event };
  });
}
