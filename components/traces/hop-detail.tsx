"use client";

import type { TraceHop } from "@/lib/traces";
import { EventContent } from "@/components/events/event-content";
import { useEvent } from "@/components/events/use-event";
import { DeadLetterActions } from "@/components/traces/dead-letter-actions";
import { HopConsumers } from "@/components/traces/hop-consumers";
import { HopFacts } from "@/components/traces/hop-facts";
import { colorOfService } from "@/components/traces/service-palette";
import styles from "@/components/traces/hop-detail.module.css";
import { useEscapeKey } from "@/components/ui/use-escape-key";

/**
 * One hop in full, beside the waterfall. It opens at once with the trace's summary of the event and swaps
 * in the full record (`GET /api/events/:id`, cached with the Flows drawer's) when it arrives. Escape
 * closes it; focus stays in the waterfall so ↑/↓ and Enter keep working.
 */
export function HopDetail({
  hop,
  traceStart,
  deadLetterLink,
  onClose,
}: {
  hop: TraceHop;
  traceStart: number | null;
  deadLetterLink: string | null;
  onClose: () => void;
}) {
  const query = useEvent(hop.id);

  useEscapeKey(onClose);

  return (
    <aside
      className={styles.detail}
      aria-labelledby="hop-detail-title"
      data-testid="hop-detail"
      data-hop-id={hop.id}
      style={{ ["--svc" as string]: colorOfService(hop.service) }}
    >
      <header className={styles.header}>
        <div className={styles.heading}>
          <p className={styles.service}>
            <span className={styles.swatch} aria-hidden />
            {hop.service ?? "unknown service"}
          </p>
          <h2 id="hop-detail-title">{hop.eventType ?? hop.topic}</h2>
          <p className="mono">{hop.id}</p>
        </div>
        <button
          type="button"
          className={styles.close}
          onClick={onClose}
          aria-label="Close details (Escape)"
          data-testid="hop-detail-close"
        >
          ×
        </button>
      </header>
      <div className={styles.body}>
        {hop.deadLetter ? <DeadLetterActions hop={hop} href={deadLetterLink} /> : null}
        <HopFacts hop={hop} traceStart={traceStart} />
        <h3>Consumed by</h3>
        <HopConsumers hop={hop} />
        <EventContent summary={hop.event} query={query} testIdPrefix="hop" showKey={false} />
      </div>
    </aside>
  );
}
