import type { RedriveMark } from "@/lib/api/dlq";
import { formatFullTimestamp } from "@/components/events/format";
import styles from "@/components/dlq/dlq.module.css";

/** The re-driven marker: "pending", or "re-driven" with who, when and where it went. */
export function RedrivenBadge({ mark, verbose = false }: { mark: RedriveMark | null; verbose?: boolean }) {
  if (!mark)
    return (
      <span className={styles.badge} data-tone="warn" data-testid="letter-status" data-status="pending">
        pending
      </span>
    );
  const where = `${mark.target.topic}${mark.target.offset === null ? "" : ` @ p${mark.target.partition}:${mark.target.offset}`}`;
  const title = `Re-driven by ${mark.by} at ${formatFullTimestamp(mark.at)} to ${where}${mark.count > 1 ? ` (${mark.count}×)` : ""}`;
  return (
    <span
      className={styles.badge}
      data-tone="ok"
      data-testid="letter-status"
      data-status="redriven"
      title={title}
    >
      re-driven{mark.count > 1 ? ` ${mark.count}×` : ""}
      {verbose ? ` · ${mark.by} → ${where}` : null}
    </span>
  );
}
