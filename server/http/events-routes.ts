/** `GET /api/events` (recent events, newest first) and `GET /api/events/:id` (one event, full payload). */
import { type EventResponse, type EventsResponse, eventsQuerySchema } from "@/lib/api/events";
import { AppError } from "@/lib/errors";
import { decodeEvent } from "@/lib/ingest/decode-event";
import type { IngestOptions } from "@/lib/ingest/ingest-options";
import type { Router } from "@/server/http/router";
import type { EventStore } from "@/server/store/event-store";
import { describeWindow } from "@/server/store/describe-window";
import { storedRecord } from "@/server/store/stored-record";

export function registerEventRoutes(router: Router, store: EventStore, ingestOptions: IngestOptions): void {
  router.get("/api/events", ({ url }): EventsResponse => {
    const query = eventsQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success)
      throw new AppError(
        "bad_request",
        `invalid query: ${query.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
      );
    const { limit, ...filter } = query.data;
    const found = store.recent(filter, limit);
    return {
      events: found.items,
      window: store.stats().window,
      partial: found.partial,
      scannedBackTo: found.scannedBackTo,
    };
  });

  router.get("/api/events/:id", ({ params }): EventResponse => {
    const id = params.id ?? "";
    const summary = store.get(id);
    if (!summary)
      throw new AppError(
        "not_found",
        `event ${id} is not in the store (${describeWindow(store.stats().window)})`,
      );
    const found = store.payload(id);
    if (found.state !== "stored") return { payload: "expired", event: summary };
    return { payload: "stored", event: decodeEvent(storedRecord(summary, found.payload), ingestOptions) };
  });
}
