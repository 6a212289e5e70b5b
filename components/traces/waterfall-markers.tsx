import type { WaterfallRow } from "@/lib/traces";
import styles from "@/components/traces/waterfall.module.css";

const linkLabels = {
  "causation-link": {
    text: "linked",
    title: "From another trace, reached over a causation id (e.g. a batch consumer started a new trace)",
  },
  correlation: { text: "correlated", title: "From another trace that shares a correlation id" },
} as const;

/** Small flags on a row: how the hop joined the trace and how sure its place in the tree is. */
export function RowMarkers({ row, first }: { row: WaterfallRow; first: boolean }) {
  const link = row.link === "same-trace" ? null : linkLabels[row.link];
  return (
    <>
      {link ? (
        <span className={styles.marker} data-kind="link" title={link.title} data-testid="linked-marker">
          {link.text}
        </span>
      ) : null}
      {row.inferredParent ? (
        <span className={styles.marker} title="No causation id: its parent is inferred from time order">
          ≈
        </span>
      ) : null}
      {/* The first root is where the trace starts: its cause (an HTTP request, say) is no Kafka message. */}
      {row.missingParent && !first ? (
        <span className={styles.marker} title="Its causation id names a message Eventscope does not hold">
          orphan
        </span>
      ) : null}
      {row.status === "error" && !row.deadLetter ? (
        <span className={styles.marker} data-kind="error" title="This record could not be fully decoded">
          error
        </span>
      ) : null}
    </>
  );
}
