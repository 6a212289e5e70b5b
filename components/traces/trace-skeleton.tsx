import { Skeleton } from "@/components/ui/skeleton";
import styles from "@/components/traces/trace-page.module.css";

/** The trace page's shape while it loads: a header block, then waterfall rows. */
export function TraceSkeleton() {
  return (
    <div className={styles.page} aria-busy="true" aria-label="Loading the trace">
      <div className={styles.skeletonHeader}>
        <Skeleton rows={2} />
      </div>
      <Skeleton rows={12} />
    </div>
  );
}
