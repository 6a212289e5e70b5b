import Link from "next/link";
import { findHeaderValue } from "@/lib/decode";
import type { DecodedHeader, EventSummary } from "@/lib/model/event";
import { formatBytes, formatFullTimestamp } from "@/components/events/format";
import styles from "@/components/events/drawer.module.css";
import { Fact, FactList, IdFact, Mono } from "@/components/ui/fact-list";

/**
 * Where the event sits in Kafka, who produced it, and the ids that tie it into a trace. The headers come
 * with the full record; until then (or when its payload expired) the facts show what the summary holds.
 */
export function EventFacts({ event, headers }: { event: EventSummary; headers?: readonly DecodedHeader[] }) {
  const traceparent = headers ? findHeaderValue(headers, ["traceparent"]) : null;
  return (
    <FactList>
      <Fact label="Topic">
        <Mono>
          {event.topic} · partition {event.partition} · offset {event.offset}
        </Mono>
      </Fact>
      <Fact label="Time">{formatFullTimestamp(event.timestamp)}</Fact>
      <Fact label="Service">{event.service ?? <span className={styles.muted}>not stated</span>}</Fact>
      <Fact label="Type">{event.eventType ?? <span className={styles.muted}>not stated</span>}</Fact>
      <Fact label="Size">{formatBytes(event.size)}</Fact>
      <Fact label="Trace id" testId="drawer-trace-id">
        {event.traceId ? (
          <span className={styles.traceLine}>
            <Mono>{event.traceId}</Mono>
            <Link
              href={`/traces/${event.traceId}`}
              className={styles.openTrace}
              data-testid="drawer-open-trace"
            >
              Open trace →
            </Link>
          </span>
        ) : (
          <span className={styles.muted}>none found in headers or payload</span>
        )}
      </Fact>
      {traceparent ? (
        <Fact label="traceparent" testId="drawer-traceparent">
          <Mono>{traceparent.text}</Mono>
        </Fact>
      ) : null}
      <IdFact label="Span id" id={event.spanId} />
      <IdFact label="Message id" id={event.messageId} />
      <IdFact label="Correlation id" id={event.correlationId} />
      <IdFact label="Caused by" id={event.causationId} />
    </FactList>
  );
}
