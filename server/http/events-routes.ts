/** `GET /api/events` (recent events, newest first) and `GET /api/events/:id` (one event, full payload). */
import { type EventResponse, eventRoute, eventsRoute } from "@/lib/api/events";
import { AppError } from "@/lib/errors";
import { decodeEvent } from "@/lib/ingest/decode-event";
import type { IngestOptions } from "@/lib/ingest/ingest-options";
import type { Router } from "@/server/http/router";
import type { EventStore } from "@/server/store/event-store";
import { describeWindow } from "@/server/store/describe-window";
import { storedRecord } from "@/server/store/stored-record";
import { LIST_SHARED_FOR_MS } from "@/server/http/shared-answers";

export function registerEventRoutes(router: Router, store: EventStore, ingestOptions: IngestOptions): void {
  router.route(
    eventsRoute,
    async ({ query }) => {
      const { limit, ...filter } = query;
      const found = await store.recent(filter, limit);
      return {
        events: found.items,
        window: store.stats().window,
        partial: found.partial,
        scannedBackTo: found.scannedBackTo,
      };
    },
    { sharedForMs: LIST_SHARED_FOR_MS },
  );

  router.route(eventRoute, async ({ params }): Promise<EventResponse> => {
    const { id } = params;
    const summary = await store.get(id);
    if (!summary)
      throw new AppError(
        "not_found",
        `event ${id} is not in the store (${describeWindow(store.stats().window)})`,
      );
    const found = await store.payload(id);
    if (found.state !== "stored") return { payload: "expired", event: summary };
    const record = storedRecord(summary, found.payload);
    // Schemas of a wire-format key or value are fetched now, on view, and cached by id.
    await ingestOptions.schemas?.prepare([record.key, record.value], "read");
    return { payload: "stored", event: decodeEvent(record, ingestOptions) };
  });
}
