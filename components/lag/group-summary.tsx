import type { ReactNode } from "react";
import type { LagGroupSummary } from "@/lib/api/lag";
import { formatCount, formatRate, formatSeconds } from "@/components/lag/format";
import { drainLabel } from "@/components/lag/groups-model";
import { GroupStateLabel, StatusBadge } from "@/components/lag/status-badge";
import styles from "@/components/lag/group.module.css";

/**
 * The group's key figures, fixed-size cells so live updates do not move anything: one row on wide
 * screens, two below 1600 px, so no figure is cut at 1280 px.
 */
export function GroupSummary({ group }: { group: LagGroupSummary }) {
  const drain = drainLabel(group);
  const unknown = group.unknownPartitions > 0 ? `+ ${group.unknownPartitions} partitions unknown` : undefined;
  const items: Array<{
    label: string;
    value: ReactNode;
    /** A second, smaller line, so a long figure never gets cut. */
    note?: string;
    testId: string;
    tone?: string;
    title?: string;
  }> = [
    { label: "Status", value: <StatusBadge status={group.status} />, testId: "lag-summary-status" },
    { label: "State", value: <GroupStateLabel state={group.state} />, testId: "lag-summary-state" },
    { label: "Members", value: group.members, testId: "lag-summary-members" },
    {
      label: "Total lag",
      value: group.partitions > group.unknownPartitions ? formatCount(group.totalLag) : "unknown",
      note: group.partitions > group.unknownPartitions ? unknown : undefined,
      testId: "lag-summary-total",
      title: `${group.partitions} partitions, ${group.unknownPartitions} without a committed offset`,
    },
    {
      label: "Max time lag",
      value: `${group.maxTimeLagExtrapolated ? "≥ " : ""}${formatSeconds(group.maxTimeLagSeconds)}`,
      testId: "lag-summary-time-lag",
      title: "Age of the oldest record the group still has to read",
    },
    {
      label: "Time to drain",
      value: drain.text,
      testId: "lag-summary-drain",
      tone: drain.alarming ? "err" : undefined,
      title: "Slowest partition, at the rates of the last minute",
    },
    { label: "Consuming", value: formatRate(group.consumeRate), testId: "lag-summary-consume" },
    { label: "Produced", value: formatRate(group.produceRate), testId: "lag-summary-produce" },
  ];
  return (
    <dl className={styles.summary} data-testid="lag-group-summary" data-status={group.status ?? "unknown"}>
      {items.map((item) => (
        <div key={item.label} title={item.title}>
          <dt>{item.label}</dt>
          <dd data-testid={item.testId} data-tone={item.tone}>
            {item.value}
          </dd>
          <dd className={styles.note} data-testid={`${item.testId}-note`}>
            {item.note}
          </dd>
        </div>
      ))}
    </dl>
  );
}
