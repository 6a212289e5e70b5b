import type { WaterfallRow } from "@/lib/traces";
import styles from "@/components/traces/waterfall.module.css";

const linkLabels = {
  "causation-link": {
    text: "linked",
    title: "From another trace, reached over a causation id (e.g. a batch consumer started a new trace)",
  },
  correlation: { text: "correlated", title: "From another trace that shares a correlation id" },
} as const;

const copyLabels = { retry: "retry", "dead-letter": "dead letter", redrive: "re-driven" } as const;

/** What a copy hop's title says: who made it (the group that gave up), and who produced the original. */
export function copyTitle(copy: NonNullable<WaterfallRow["copy"]>): string {
  const original = `originally produced by ${copy.originalProducer ?? "an unknown service"}`;
  if (copy.kind === "redrive") return `A re-drive of a dead letter back to a live topic; ${original}`;
  const made = copy.kind === "retry" ? "A retry copy" : "A dead-letter copy";
  if (copy.gaveUpGroup === null)
    return `${made}; the consumer group that gave up on it is not known; ${original}`;
  const from =
    copy.groupFrom === "dead-letter" ? "as the dead letter says" : "the group that read the original";
  return `${made} made by consumer group ${copy.gaveUpGroup} (${from}), which gave up on it; ${original}`;
}

/** Small flags on a row: how the hop joined the trace, how sure its place in the tree is, what copy it is. */
export function RowMarkers({ row, first }: { row: WaterfallRow; first: boolean }) {
  const link = row.link === "same-trace" ? null : linkLabels[row.link];
  return (
    <>
      {row.copy ? (
        <span
          className={styles.marker}
          data-kind="copy"
          title={copyTitle(row.copy)}
          data-testid="copy-marker"
          data-copy-kind={row.copy.kind}
        >
          {copyLabels[row.copy.kind]}
        </span>
      ) : null}
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
