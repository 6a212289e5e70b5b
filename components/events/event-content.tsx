"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { EventResponse } from "@/lib/api/events";
import type { EventSummary } from "@/lib/model/event";
import { EventHeaders } from "@/components/events/event-headers";
import { EventPayload } from "@/components/events/event-payload";
import { Skeleton } from "@/components/ui/skeleton";
import styles from "@/components/events/drawer.module.css";

/**
 * The parts of an event only the full record has — key, headers, value — for the Flows drawer and the
 * trace's hop panel alike. While the record loads it shows the summary's preview; when the store has
 * already dropped the payload (disk budget) it says so and still shows the preview it kept.
 */
export function EventContent({
  summary,
  query,
  testIdPrefix,
  showKey = true,
}: {
  summary: EventSummary;
  query: UseQueryResult<EventResponse>;
  testIdPrefix: string;
  showKey?: boolean;
}) {
  const response = query.data;
  if (response?.payload === "stored") {
    const { event } = response;
    return (
      <>
        {showKey ? (
          <>
            <h3>Key</h3>
            {event.key ? (
              <EventPayload payload={event.key} testId={`${testIdPrefix}-key`} />
            ) : (
              <p className={styles.muted}>No key.</p>
            )}
          </>
        ) : null}
        <h3>Headers</h3>
        <EventHeaders headers={event.headers} />
        <h3>Value</h3>
        <EventPayload payload={event.value} testId={`${testIdPrefix}-value`} />
      </>
    );
  }
  return (
    <>
      {response?.payload === "expired" ? (
        <p className={styles.notice} data-testid={`${testIdPrefix}-payload-expired`}>
          The payload of this event is no longer stored: it was dropped to keep the store within its disk
          budget. Its ids and the preview below are kept.
        </p>
      ) : null}
      {query.isError ? (
        <p className={styles.notice} role="alert" data-testid={`${testIdPrefix}-load-error`}>
          Could not load the full event ({query.error.message}); showing its preview.
        </p>
      ) : null}
      <h3>
        Preview {query.isPending ? <span className={styles.muted}>· loading the full record…</span> : null}
      </h3>
      <pre className={styles.preview} data-testid={`${testIdPrefix}-preview`}>
        {summary.preview || "(empty)"}
      </pre>
      {query.isPending ? <Skeleton rows={4} /> : null}
    </>
  );
}
