"use client";

import Link from "next/link";
import { ApiError } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { GroupSummary } from "@/components/lag/group-summary";
import { LagHistoryPanel } from "@/components/lag/lag-history-panel";
import { PartitionTable } from "@/components/lag/partition-table";
import { PollInfo, StaleBanner } from "@/components/lag/poll-info";
import { useLagGroup, useLagLiveUpdates } from "@/components/lag/use-lag";
import styles from "@/components/lag/lag.module.css";
import groupStyles from "@/components/lag/group.module.css";

/** One group: key figures, history charts per topic and the per-partition table, live. */
export function LagGroupView({ group }: { group: string }) {
  useLagLiveUpdates(group);
  const { data, error, isPending, refetch } = useLagGroup(group);

  const back = (
    <Link href="/lag" className={groupStyles.back} data-testid="lag-back">
      ← All consumer groups
    </Link>
  );
  if (isPending)
    return (
      <div className={styles.page}>
        {back}
        <Skeleton rows={8} />
      </div>
    );
  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <div className={styles.page}>
        {back}
        <EmptyState
          title={notFound ? `No consumer group “${group}”` : "Could not load this consumer group"}
          tone={notFound ? "neutral" : "error"}
          testId={notFound ? "lag-group-not-found" : "lag-group-error"}
        >
          <p>{error.message}</p>
          {notFound ? null : <Button onClick={() => void refetch()}>Try again</Button>}
        </EmptyState>
      </div>
    );
  }

  const { group: summary } = data;
  const assignor = summary.protocol ? `assignor ${summary.protocol}` : "no active assignment";
  const reads =
    summary.topics.length > 5
      ? `${summary.topics.length} topics`
      : summary.topics.join(", ") || "no topic yet";
  return (
    <div className={styles.page} data-testid="lag-group-page" data-group={group}>
      {back}
      <PageHeader
        title={summary.id}
        description={`Consumer group · ${summary.state} · ${assignor} · reads ${reads}`}
        actions={<PollInfo {...data} />}
      />
      <StaleBanner {...data} />
      <GroupSummary group={summary} />
      <LagHistoryPanel topics={data.topics} />
      <PartitionTable partitions={data.partitions} />
    </div>
  );
}
