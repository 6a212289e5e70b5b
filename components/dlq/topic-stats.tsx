import type { DlqTopicSummary } from "@/lib/api/dlq";
import styles from "@/components/dlq/dlq.module.css";

/** Total / pending / re-driven and where the letters came from. */
export function TopicStats({ summary }: { summary: DlqTopicSummary | undefined }) {
  const stat = (label: string, value: string, testId: string) => (
    <div className={styles.stat}>
      <div className={styles.statLabel}>{label}</div>
      <div className={styles.statValue} data-testid={testId}>
        {value}
      </div>
    </div>
  );
  const n = (v: number | undefined) => (v === undefined ? "—" : v.toLocaleString());
  return (
    <div className={styles.stats}>
      {stat("Dead letters", n(summary?.total), "stat-total")}
      {stat("Pending", n(summary?.pending), "stat-pending")}
      {stat("Re-driven", n(summary?.redriven), "stat-redriven")}
      {stat("From", summary?.origins.join(", ") || "—", "stat-origins")}
    </div>
  );
}
