import type { TraceStatus } from "@/lib/traces";
import styles from "@/components/traces/chips.module.css";

export const traceStatusLabels: Record<TraceStatus, string> = {
  ok: "OK",
  error: "Error",
  "in-progress": "In progress",
  recovered: "Recovered after re-drive",
};

const titles: Record<TraceStatus, string> = {
  ok: "No hop failed and nothing happened for a while",
  error: "A hop ended in a dead-letter topic or could not be decoded",
  "in-progress": "Hops arrived in the last few seconds; it may still grow",
  recovered:
    "A message ended in a dead-letter topic, was re-driven and consumed again; nothing has failed since",
};

/** Status of a trace, plus a dead-letter marker when one of its messages ended in a DLQ. */
export function TraceStatusBadge({
  status,
  hasDeadLetter = false,
  errorCount = 0,
}: {
  status: TraceStatus;
  hasDeadLetter?: boolean;
  errorCount?: number;
}) {
  return (
    <span className={styles.statusCell}>
      <span className={styles.status} data-status={status} title={titles[status]} data-testid="trace-status">
        <span className={styles.statusDot} aria-hidden />
        {traceStatusLabels[status]}
        {status === "error" && errorCount > 1 ? ` · ${errorCount}` : null}
      </span>
      {hasDeadLetter ? (
        <span
          className={styles.dlq}
          title="A message of this trace ended in a dead-letter topic"
          data-testid="dlq-marker"
        >
          DLQ
        </span>
      ) : null}
    </span>
  );
}
