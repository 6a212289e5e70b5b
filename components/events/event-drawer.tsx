"use client";

import { useEffect, useRef } from "react";
import type { TailEvent } from "@/lib/api/events";
import { Skeleton } from "@/components/ui/skeleton";
import { EventFacts } from "@/components/events/event-facts";
import { EventContent } from "@/components/events/event-content";
import { useEvent } from "@/components/events/use-event";
import styles from "@/components/events/drawer.module.css";
import { useEscapeKey } from "@/components/ui/use-escape-key";

/**
 * One event in full, beside the tail. It opens with the tail's row at once and swaps in the full record
 * (the tail carries only a summary) when `GET /api/events/:id` answers. Escape closes it; the
 * caller puts focus back on the row.
 */
export function EventDrawer({
  id,
  preview,
  onClose,
}: {
  id: string;
  preview?: TailEvent;
  onClose: () => void;
}) {
  const query = useEvent(id);
  const full = query.data;
  const event = full?.event ?? preview;
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => closeButton.current?.focus(), [id]);
  useEscapeKey(onClose);

  return (
    <aside
      className={styles.drawer}
      role="dialog"
      aria-labelledby="event-drawer-title"
      data-testid="event-drawer"
    >
      <header className={styles.header}>
        <div className={styles.heading}>
          <h2 id="event-drawer-title">{event?.eventType ?? "Event"}</h2>
          <p className="mono">{id}</p>
        </div>
        <button
          ref={closeButton}
          type="button"
          className={styles.close}
          onClick={onClose}
          aria-label="Close (Escape)"
          data-testid="drawer-close"
        >
          ×
        </button>
      </header>
      <div className={styles.body}>
        {event?.decodeError ? (
          <p className={styles.notice} data-tone="error" data-testid="drawer-decode-error">
            Part of this record could not be decoded: {event.decodeError}
          </p>
        ) : null}
        {event ? (
          <>
            <EventFacts event={event} headers={full?.payload === "stored" ? full.event.headers : undefined} />
            <EventContent summary={event} query={query} testIdPrefix="drawer" />
          </>
        ) : (
          <Skeleton rows={8} />
        )}
      </div>
    </aside>
  );
}
