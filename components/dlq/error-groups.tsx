import type { ErrorGroup } from "@/lib/api/dlq";
import { shortTypeName } from "@/lib/dlq";
import styles from "@/components/dlq/error-groups.module.css";

/** The topic's letters grouped by error type; choosing a group filters the table to it. */
export function ErrorGroups({
  groups,
  total,
  active,
  onChoose,
}: {
  groups: ErrorGroup[];
  total: number;
  /** The chosen error type ("" = letters without one), or undefined for all. */
  active: string | undefined;
  onChoose: (errorType: string | undefined) => void;
}) {
  return (
    <div className={styles.groups} role="group" aria-label="Error types" data-testid="error-groups">
      <button
        type="button"
        className={styles.group}
        aria-pressed={active === undefined}
        onClick={() => onChoose(undefined)}
        data-testid="error-group-all"
      >
        <span className={styles.name}>All errors</span>
        <span className={styles.count}>{total.toLocaleString()}</span>
      </button>
      {groups.map((g) => {
        const key = g.errorType ?? "";
        return (
          <button
            type="button"
            key={key}
            className={styles.group}
            aria-pressed={active === key}
            onClick={() => onChoose(active === key ? undefined : key)}
            title={[g.errorType, g.sampleMessage].filter(Boolean).join("\n")}
            data-testid="error-group"
            data-error-type={key}
          >
            <span className={styles.name}>{shortTypeName(g.errorType)}</span>
            <span className={styles.count}>{g.count.toLocaleString()}</span>
            {g.pending > 0 ? (
              <span className={styles.pending}>{g.pending.toLocaleString()} pending</span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
