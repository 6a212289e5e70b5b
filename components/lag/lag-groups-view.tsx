"use client";

import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Panel, PanelMessage } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import {
  LAGGING_TIME_LAG_SECONDS,
  isLagging,
  sortGroups,
  toggleSort,
  visibleGroups,
} from "@/components/lag/groups-model";
import { LagGroupsTable } from "@/components/lag/lag-groups-table";
import { PollInfo, StaleBanner } from "@/components/lag/poll-info";
import { useGroupsView } from "@/components/lag/use-groups-view";
import { useLagGroups, useLagLiveUpdates } from "@/components/lag/use-lag";
import styles from "@/components/lag/lag.module.css";

/**
 * The Lag page. Server data: the groups table in the query cache (REST, then socket pushes). View state:
 * the "only lagging" filter and the sort, in the URL so a view can be linked.
 */
export function LagGroupsView() {
  useLagLiveUpdates(null);
  const { data, error, isPending, refetch } = useLagGroups();
  const [view, setView] = useGroupsView();

  const listed = data ? visibleGroups(data.groups, view) : [];
  const internalCount = data?.groups.filter((g) => g.internal).length ?? 0;
  const lagging = listed.filter(isLagging);
  const shown = sortGroups(view.onlyLagging ? lagging : listed, view.sort, view.dir);

  let body;
  if (isPending) body = <Skeleton rows={6} />;
  else if (error)
    body = (
      <PanelMessage title="Could not load the consumer groups" tone="error" testId="lag-error">
        <p>{error.message}</p>
        <Button onClick={() => void refetch()}>Try again</Button>
      </PanelMessage>
    );
  else if (data.observedAt === null)
    body = (
      <PanelMessage title="Kafka does not answer" tone="error" testId="lag-unavailable">
        {data.error ?? "The first poll has not finished yet."} Groups appear after the first successful poll.
      </PanelMessage>
    );
  else if (listed.length === 0)
    body = (
      <PanelMessage title="No consumer groups yet" testId="lag-empty">
        Groups appear here as soon as a consumer joins one or commits an offset.
      </PanelMessage>
    );
  else if (shown.length === 0)
    body = (
      <PanelMessage title="No group is lagging" testId="lag-none-lagging">
        <p>
          All {listed.length} groups are OK and less than {LAGGING_TIME_LAG_SECONDS} s behind.
        </p>
        <Button onClick={() => setView({ ...view, onlyLagging: false })}>Show all groups</Button>
      </PanelMessage>
    );
  else body = <LagGroupsTable groups={shown} view={view} onSort={(key) => setView(toggleSort(view, key))} />;

  return (
    <div className={styles.page}>
      <PageHeader
        title="Consumer lag"
        description="How far each consumer group is behind, in messages and in seconds, and whether it is catching up."
        actions={data ? <PollInfo {...data} /> : null}
      />
      {data ? <StaleBanner {...data} /> : null}
      <Panel
        title="Consumer groups"
        testId="lag-groups-panel"
        meta={data ? `${listed.length} groups · ${lagging.length} lagging` : undefined}
        actions={
          <>
            <label
              className={styles.toggle}
              title="Consumer groups Eventscope itself uses to read Kafka (named after KAFKA_CLIENT_ID)"
            >
              <input
                type="checkbox"
                checked={view.showInternal}
                onChange={(e) => setView({ ...view, showInternal: e.target.checked })}
                data-testid="lag-show-internal"
              />
              Eventscope&apos;s own ({internalCount})
            </label>
            <label
              className={styles.toggle}
              title={`WARN or ERR, or at least ${LAGGING_TIME_LAG_SECONDS} s behind`}
            >
              <input
                type="checkbox"
                checked={view.onlyLagging}
                onChange={(e) => setView({ ...view, onlyLagging: e.target.checked })}
                data-testid="lag-only-lagging"
              />
              Only lagging
            </label>
          </>
        }
      >
        {body}
      </Panel>
    </div>
  );
}
