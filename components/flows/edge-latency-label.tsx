"use client";

import { useFlowGraphActions } from "@/components/flows/flow-graph-context";
import { useFlowAt } from "@/components/flows/use-flow-latency";
import { formatDuration } from "@/components/traces/trace-format";
import styles from "@/components/flows/flow-graph.module.css";

/** "p50 12 ms · p99 40 ms" for one edge, marked slow when its p99 is above the objective. */
export function EdgeLatencyLabel({ id }: { id: string }) {
  const { view } = useFlowGraphActions();
  const stats = useFlowAt(view.window, view.at, (g) => g.latency.edges[id] ?? null).data;
  if (!stats) return <span className={styles.latencyNone}>no latency</span>;
  return (
    <span
      data-testid={`flow-edge-latency-${id}`}
      data-p50={stats.p50}
      data-p99={stats.p99}
      data-slow={stats.p99 > view.objectiveMs || undefined}
      className={styles.latency}
    >
      p50 {formatDuration(stats.p50)} · p99 {formatDuration(stats.p99)}
    </span>
  );
}
