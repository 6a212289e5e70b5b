import Link from "next/link";
import type { LagGroupSummary } from "@/lib/api/lag";
import { formatCount, formatSeconds } from "@/components/lag/format";
import { drainLabel, isLagging } from "@/components/lag/groups-model";
import { LagSparkline } from "@/components/lag/lag-sparkline";
import { GroupStateLabel, StatusBadge } from "@/components/lag/status-badge";
import styles from "@/components/lag/lag.module.css";

function statusTitle(group: LagGroupSummary): string | undefined {
  const bad = Object.entries(group.partitionStatuses).filter(([s, n]) => s !== "OK" && n > 0);
  if (bad.length === 0) return undefined;
  return bad.map(([s, n]) => `${n} partition${n === 1 ? "" : "s"} ${s}`).join(", ");
}

function topicsLine(group: LagGroupSummary): string {
  const topics = group.topics.length === 0 ? "no committed offsets" : group.topics.join(", ");
  const partitions = `${group.partitions} partition${group.partitions === 1 ? "" : "s"}`;
  const unknown = group.unknownPartitions > 0 ? ` · ${group.unknownPartitions} unknown` : "";
  return `${topics} · ${partitions}${unknown}`;
}

export function LagGroupRow({ group }: { group: LagGroupSummary }) {
  const href = `/lag/${encodeURIComponent(group.id)}`;
  const drain = drainLabel(group);
  return (
    <tr
      data-testid="lag-group-row"
      data-group={group.id}
      data-lagging={isLagging(group)}
      data-internal={group.internal}
    >
      <td>
        <StatusBadge status={group.status} title={statusTitle(group)} testId="lag-group-status" />
      </td>
      <td>
        <div className={styles.groupCell}>
          <Link href={href} title={group.id} data-testid="lag-group-link">
            {group.id}
          </Link>
          <span title={topicsLine(group)}>{topicsLine(group)}</span>
        </div>
      </td>
      <td>
        <GroupStateLabel state={group.state} />
      </td>
      <td className={styles.num}>{group.members}</td>
      <td className={styles.num} data-testid="lag-group-total" data-value={group.totalLag}>
        {group.partitions > group.unknownPartitions ? formatCount(group.totalLag) : "—"}
      </td>
      <td
        className={styles.num}
        data-testid="lag-group-time-lag"
        title={group.maxTimeLagExtrapolated ? "At least: older than the kept end-offset history" : undefined}
      >
        {group.maxTimeLagExtrapolated ? "≥ " : ""}
        {formatSeconds(group.maxTimeLagSeconds)}
      </td>
      <td>
        <LagSparkline trend={group.trend} status={group.status} />
      </td>
      <td
        className={`${styles.num} ${drain.alarming ? styles.drainNever : ""}`}
        data-testid="lag-group-drain"
        title="At the consume and produce rates of the last minute"
      >
        {drain.text}
      </td>
    </tr>
  );
}
