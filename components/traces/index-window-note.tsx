import type { IndexWindow } from "@/lib/api/events";
import { formatDuration } from "@/components/traces/trace-format";
import styles from "@/components/traces/traces.module.css";

/** What the list can cover: traces are stitched from the events still in the store. */
export function IndexWindowNote({ coverage }: { coverage: IndexWindow }) {
  if (coverage.from === null || coverage.to === null) return null;
  const span = formatDuration(Math.max(0, coverage.to - coverage.from));
  return (
    <p
      className={styles.windowNote}
      title={
        coverage.evicted ? "Older events have left the store (its retention time or disk budget)" : undefined
      }
      data-testid="traces-window"
    >
      Searching the last <strong>{span}</strong> · {coverage.events.toLocaleString("en-US")} events
      {coverage.evicted ? " (older ones have left the store)" : null}
    </p>
  );
}
