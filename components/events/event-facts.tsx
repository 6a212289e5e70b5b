import Link from "next/link";
import type { ReactNode } from "react";
import { findHeaderValue } from "@/lib/decode";
import type { DecodedHeader, EventSummary } from "@/lib/model/event";
import { formatBytes, formatFullTimestamp } from "@/components/events/format";
import styles from "@/components/events/drawer.module.css";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

const Mono = ({ children }: { children: ReactNode }) => <span className="mono">{children}</span>;

/**
 * Where the event sits in Kafka, who produced it, and the ids that tie it into a trace. The headers come
 * with the full record; until then (or when its payload expired) the facts show what the summary holds.
 */
export function EventFacts({ event, headers }: { event: EventSummary; headers?: readonly DecodedHeader[] }) {
  const traceparent = headers ? findHeaderValue(headers, ["traceparent"]) : null;
  return (
    <dl className={styles.facts}>
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
      {event.spanId ? (
        <Fact label="Span id">
          <Mono>{event.spanId}</Mono>
        </Fact>
      ) : null}
      {event.messageId ? (
        <Fact label="Message id">
          <Mono>{event.messageId}</Mono>
        </Fact>
      ) : null}
      {event.correlationId ? (
        <Fact label="Correlation id">
          <Mono>{event.correlationId}</Mono>
        </Fact>
      ) : null}
      {event.causationId ? (
        <Fact label="Caused by">
          <Mono>{event.causationId}</Mono>
        </Fact>
      ) : null}
    </dl>
  );
}
