import type { LagGroupsResponse } from "@/lib/api/lag";
import { formatClock } from "@/components/events/format";
import { formatSeconds } from "@/components/lag/format";
import styles from "@/components/lag/lag.module.css";

type PollInfoProps = Pick<LagGroupsResponse, "observedAt" | "intervalMs" | "stale" | "error">;

/** When the figures were read and how often, and which end offset lag is measured against. */
export function PollInfo({ observedAt, intervalMs }: PollInfoProps) {
  return (
    <span className={styles.pollInfo} data-testid="lag-poll-info">
      <span>{observedAt === null ? "Waiting for the first poll" : `Read ${formatClock(observedAt)}`}</span>
      <span aria-hidden>·</span>
      <span>every {formatSeconds(intervalMs / 1000)}</span>
      <span aria-hidden>·</span>
      <abbr title="Lag is measured against the last stable offset (kafkajs reads end offsets with read_committed). It equals kafka-consumer-groups' LOG-END-OFFSET unless a transaction is open on the partition.">
        end = last stable offset
      </abbr>
    </span>
  );
}

/** Said once, above everything, while the figures shown are the last good poll's. */
export function StaleBanner({ observedAt, error, stale }: PollInfoProps) {
  if (!stale) return null;
  return (
    <div className={styles.stale} role="status" data-testid="lag-stale">
      <strong>Figures are stale.</strong>
      <span>
        Kafka did not answer the last poll{error ? ` (${error})` : ""}; showing what was read at{" "}
        {observedAt === null ? "—" : formatClock(observedAt)}.
      </span>
    </div>
  );
}
