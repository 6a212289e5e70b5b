"use client";

import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from "@xyflow/react";
import type { FlowEdge } from "@/lib/api/flows";
import { formatRate } from "@/components/events/format";
import { useFetchedEdgeRate } from "@/components/flows/use-flow-graph";
import { useFlowStats } from "@/components/flows/use-flow-stats";
import styles from "@/components/flows/flow-graph.module.css";

export type RateEdgeType = Edge<{ kind: FlowEdge["kind"]; toDlq: boolean; back: boolean }, "rate">;

/**
 * An edge labelled with its live msgs/s. The rate is read here, per edge, from the latest `flows:stats`
 * push, so a rate change re-renders one label and never the graph or its layout. Once pushes arrive, an
 * edge missing from them is idle (the server leaves idle keys out).
 */
export function RateEdge(props: EdgeProps<RateEdgeType>) {
  const { id, source, target, data, markerEnd } = props;
  const fetched = useFetchedEdgeRate(id);
  const live = useFlowStats((stats) => stats.edgeRates[id] ?? 0);
  const rate = live ?? fetched;
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
      />
      <EdgeLabelRenderer>
        <div
          className={styles.edgeLabel}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid={`flow-edge-rate-${id}`}
          data-source={source}
          data-target={target}
          data-rate={rate}
          data-moving={moving || undefined}
          data-back={data?.back || undefined}
        >
          {formatRate(rate)}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
