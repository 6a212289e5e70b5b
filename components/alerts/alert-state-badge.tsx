import type { Alert } from "@/lib/alerts";
import styles from "@/components/alerts/alerts.module.css";

const MEANING: Record<Alert["state"], string> = {
  firing: "The condition has held for the rule's whole window: receivers were notified",
  pending: "The condition holds, waiting for the rule's window before firing",
  resolved: "The condition no longer holds: receivers were told it resolved",
};

export function AlertStateBadge({ state }: { state: Alert["state"] }) {
  return (
    <span className={styles.state} data-state={state} title={MEANING[state]}>
      {state}
    </span>
  );
}
