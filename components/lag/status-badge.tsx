import type { GroupState, GroupStatusValue, PartitionStatusValue } from "@/lib/api/lag";
import styles from "@/components/lag/status.module.css";

type Status = GroupStatusValue | PartitionStatusValue;

const TONE: Record<Status, "ok" | "warn" | "err"> = {
  OK: "ok",
  WARN: "warn",
  ERR: "err",
  STOP: "err",
  STALL: "err",
  REWIND: "err",
};

/** What each verdict means, for the badge's tooltip (LinkedIn Burrow's status rules). */
export const STATUS_MEANING: Record<Status, string> = {
  OK: "Keeping up: caught up, or the lag went down recently",
  WARN: "Falling behind: the lag did not go down between commits",
  ERR: "At least one partition is stopped, stalled or rewound",
  STOP: "Stopped: no commit for longer than its usual commit window, while behind",
  STALL: "Stalled: committing the same offset while behind",
  REWIND: "Rewound: the committed offset went backwards",
};

/** Burrow's verdict as a coloured badge; unknown (no committed offset, no end offset) as a neutral dash. */
export function StatusBadge({
  status,
  title,
  testId,
}: {
  status: Status | null;
  title?: string;
  testId?: string;
}) {
  return (
    <span
      className={styles.badge}
      data-tone={status === null ? "unknown" : TONE[status]}
      data-testid={testId}
      data-status={status ?? "unknown"}
      title={title ?? (status === null ? "Unknown: no committed offset to judge" : STATUS_MEANING[status])}
    >
      {status ?? "—"}
    </span>
  );
}

const STATE_MEANING: Record<GroupState, string> = {
  Stable: "Members joined and partitions assigned",
  PreparingRebalance: "Rebalancing: members are (re)joining",
  CompletingRebalance: "Rebalancing: waiting for the new assignment",
  Empty: "No active members; committed offsets are kept",
  Dead: "The group has no members and no offsets",
  Unknown: "Kafka reported an unknown state",
};

export function GroupStateLabel({ state }: { state: GroupState }) {
  return (
    <span className={styles.state} data-state={state} title={STATE_MEANING[state]}>
      {state}
    </span>
  );
}
