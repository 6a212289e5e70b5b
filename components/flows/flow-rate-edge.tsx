"use client";

import Link from "next/link";
import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from "@xyflow/react";
import type { FlowEdge } from "@/lib/api/flows";
import { useDlqTopics } from "@/components/dlq/use-dlq";
import { formatRate } from "@/components/events/format";
import { useFlowGraphActions } from "@/components/flows/flow-graph-context";
import { EdgeLatencyLabel } from "@/components/flows/edge-latency-label";
import { useFetchedEdgeRate } from "@/components/flows/use-flow-graph";
import { useFlowAt } from "@/components/flows/use-flow-latency";
import { useFlowStats } from "@/components/flows/use-flow-stats";
import styles from "@/components/flows/flow-graph.module.css";

export type RateEdgeType = Edge<{ kind: FlowEdge["kind"]; toDlq: boolean; back: boolean }, "rate">;

/**
 * An edge labelled with its live msgs/s, or (labels = latency) its hop latency p50/p99 coloured against
 * the objective; clicking the label opens the edge's latency panel. An edge into a dead-letter topic says
 * how many letters wait there and links to them. The rate is read per edge from the latest `flows:stats`
 * push (or, scrubbed back, from the graph of that moment), so a change re-renders one label, never the
 * graph or its layout.
 */
export function RateEdge(props: EdgeProps<RateEdgeType>) {
  const { id, source, target, data, markerEnd } = props;
  const { view, selectEdge } = useFlowGraphActions();
  const fetched = useFetchedEdgeRate(id);
  const live = useFlowStats((stats) => stats.edgeRates[id] ?? 0);
  const past = useFlowAt(view.window, view.at, (g) => g.edges.find((e) => e.id === id)?.ratePerSec ?? 0).data;
  const rate = view.at !== null ? (past ?? 0) : (live ?? fetched);
  const dlqTopic = data?.toDlq ? target.slice("topic:".length) : null;
  const [path, labelX, labelY] = getBezierPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    sourcePosition: props.sourcePosition,
    targetX: props.targetX,
    targetY: props.targetY,
    targetPosition: props.targetPosition,
  });
  const moving = rate > 0;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={styles.edgePath}
        data-kind={data?.toDlq ? "dlq" : data?.kind}
        data-moving={moving || undefined}
        data-back={data?.back || undefined}
        data-selected={view.edge === id || undefined}
      />
      <EdgeLabelRenderer>
        <div
          className={styles.edgeLabelSlot}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          <button
            type="button"
            className={styles.edgeLabel}
            data-testid={`flow-edge-rate-${id}`}
            data-source={source}
            data-target={target}
            data-rate={rate}
            data-moving={moving || undefined}
            data-back={data?.back || undefined}
            aria-pressed={view.edge === id}
            title="Show this edge's latency"
            onClick={() => selectEdge(id)}
          >
            {view.labels === "latency" ? <EdgeLatencyLabel id={id} /> : formatRate(rate)}
          </button>
          {dlqTopic ? <DlqDepth topic={dlqTopic} /> : null}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

function DlqDepth({ topic }: { topic: string }) {
  const depth = useDlqTopics().data?.topics.find((t) => t.topic === topic)?.pending;
  if (depth === undefined) return null;
  return (
    <Link
      href={`/dlq/${encodeURIComponent(topic)}`}
      className={styles.dlqDepth}
      data-testid={`flow-dlq-depth-${topic}`}
      title={`${depth} dead letters waiting in ${topic}: open them`}
    >
      {depth} waiting
    </Link>
  );
}
