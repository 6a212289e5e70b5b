"use client";

import { PageHeader } from "@/components/ui/page-header";
import { TailPanel } from "@/components/events/tail-panel";
import { FlowGraphPanel } from "@/components/flows/flow-graph-panel";
import { FlowsSummary } from "@/components/flows/flows-summary";
import { ThroughputPanel } from "@/components/flows/throughput-panel";
import { useFlowStatsSubscription } from "@/components/flows/use-flow-stats";
import styles from "@/components/flows/flows.module.css";

/**
 * The Flows page: graph across the top, the live tail and the throughput chart below, filling the
 * viewport so only the panels scroll. State: graph and topics from REST, rates and events from the socket
 * (all in the query cache), the tail filter in the URL, the open drawer local to the tail.
 */
export function FlowsView() {
  useFlowStatsSubscription();
  return (
    <div className={styles.page}>
      <PageHeader
        title="Flows"
        description="Your services, topics and consumer groups, and the events moving between them, live."
        actions={<FlowsSummary />}
      />
      <div className={styles.grid}>
        <FlowGraphPanel className={styles.graph} />
        <TailPanel className={styles.tail} />
        <ThroughputPanel className={styles.chartPanel} />
      </div>
    </div>
  );
}
