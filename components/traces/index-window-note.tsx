import type { IndexWindow } from "@/lib/api/events";
import { formatDuration } from "@/components/traces/trace-format";
import styles from "@/components/traces/traces.module.css";

/** What the list can cover: traces are stitched from the events still in the index. */
export function IndexWindowNote({ coverage }: { coverage: IndexWindow }) {
  if (coverage.from === null || coverage.to === null) return null;
  const span = formatDuration(Math.max(0, coverage.to - coverage.from));
  return (
    <p
      className={styles.windowNote}
      title={
        coverage.evicted ? "Older events were evicted to stay within the index's memory budget" : undefined
      }
      data-testid="traces-window"
    >
      Searching the last <strong>{span}</strong> · {coverage.events.toLocaleString("en-US")} events
      {coverage.evicted ? " (older ones evicted)" : null}
    </p>
  );
}
