import Link from "next/link";
import { type KeyboardEvent, memo } from "react";
import type { TraceSummary } from "@/lib/traces";
import { CopyButton } from "@/components/ui/copy-button";
import { formatFullTimestamp } from "@/components/events/format";
import { ServiceChips } from "@/components/traces/service-chip";
import { formatDuration, formatRelativeTime, shortId } from "@/components/traces/trace-format";
import { TraceStatusBadge } from "@/components/traces/trace-status-badge";
import { colorOfService } from "@/components/traces/service-palette";
import styles from "@/components/traces/traces.module.css";

/** One recent trace. The id is a real link (middle-click opens a tab); the whole row opens it too. */
export const TracesTableRow = memo(function TracesTableRow({
  trace,
  now,
  longest,
  onOpen,
  onKeyDown,
}: {
  trace: TraceSummary;
  now: number;
  longest: number;
  onOpen: (traceId: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>, traceId: string | null) => void;
}) {
  const { traceId } = trace;
  return (
    <tr
      className={styles.row}
      tabIndex={0}
      data-testid="trace-row"
      data-trace-id={traceId ?? ""}
      data-status={trace.status}
      data-dead-letter={trace.hasDeadLetter || undefined}
      onClick={() => traceId && onOpen(traceId)}
      onKeyDown={(e) => onKeyDown(e, traceId)}
    >
      <td data-col="trace">
        {traceId ? (
          <span className={styles.idCell}>
            <Link
              href={`/traces/${encodeURIComponent(traceId)}`}
              className={styles.traceLink}
              title={traceId}
              tabIndex={-1}
            >
              {shortId(traceId)}
            </Link>
            <CopyButton value={traceId} label="Copy trace id" />
          </span>
        ) : (
          <span className={styles.muted}>no trace id</span>
        )}
      </td>
      <td data-col="root-event">
        <span className={styles.rootEvent}>
          <span className={styles.rootType}>{trace.rootEventType ?? "—"}</span>
          {trace.rootService ? (
            <span
              className={styles.rootService}
              style={{ ["--svc" as string]: colorOfService(trace.rootService) }}
            >
              {trace.rootService}
            </span>
          ) : null}
        </span>
      </td>
      <td data-col="services" title={trace.services.join(", ")}>
        <ServiceChips services={trace.services} />
      </td>
      <td data-col="hops">{trace.hopCount.toLocaleString("en-US")}</td>
      <td data-col="duration">
        <span className={styles.duration}>
          <span className={styles.durationBar} aria-hidden>
            <span style={{ width: `${Math.max(2, (trace.durationMs / longest) * 100)}%` }} />
          </span>
          {formatDuration(trace.durationMs)}
        </span>
      </td>
      <td data-col="status">
        <TraceStatusBadge
          status={trace.status}
          hasDeadLetter={trace.hasDeadLetter}
          errorCount={trace.errorCount}
        />
      </td>
      <td
        data-col="started"
        title={trace.startedAt !== null ? formatFullTimestamp(trace.startedAt) : undefined}
      >
        {trace.startedAt !== null ? formatRelativeTime(trace.startedAt, now) : "—"}
      </td>
    </tr>
  );
});
