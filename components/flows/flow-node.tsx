"use client";

import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import type { FlowNode } from "@/lib/api/flows";
import { formatRate } from "@/components/events/format";
import { useFlowGraphActions } from "@/components/flows/flow-graph-context";
import { useFlowStats } from "@/components/flows/use-flow-stats";
import styles from "@/components/flows/flow-graph.module.css";

export type FlowNodeType = Node<{ node: FlowNode }, "flow">;

const kindLabel = (node: FlowNode) =>
  node.isDlq ? "dead letters" : node.kind === "group" ? "consumer group" : node.kind;

/** Live msgs/s of one topic, from the latest `flows:stats` push. */
function TopicRate({ topic }: { topic: string }) {
  const rate = useFlowStats((stats) => stats.topicRates[topic] ?? 0);
  return rate === undefined ? null : <span className={styles.nodeRate}>{formatRate(rate)}</span>;
}

/**
 * One service, topic or consumer group. A real <button>, so the graph is reachable with Tab and Enter
 * filters the tail like a click does (consumer groups do not produce, so they have nothing to filter by).
 */
export function FlowNodeView({ data }: NodeProps<FlowNodeType>) {
  const { node } = data;
  const { activeNodeId, selectNode } = useFlowGraphActions();
  const filterable = node.kind !== "group";
  const name = node.kind === "topic" ? node.id.slice("topic:".length) : node.label;
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className={styles.handle} />
      <button
        type="button"
        className={styles.node}
        data-kind={node.isDlq ? "dlq" : node.kind}
        data-active={activeNodeId === node.id || undefined}
        data-testid={`flow-node-${node.id}`}
        disabled={!filterable}
        aria-pressed={filterable ? activeNodeId === node.id : undefined}
        title={
          filterable
            ? `${activeNodeId === node.id ? "Stop filtering" : "Filter the live tail"} by ${node.kind} ${name}`
            : `Consumer group ${node.label}`
        }
        onClick={() => selectNode(node)}
      >
        <span className={styles.nodeKind}>
          {kindLabel(node)}
          {node.kind === "topic" ? <TopicRate topic={name} /> : null}
        </span>
        <span className={styles.nodeLabel}>{node.label}</span>
      </button>
      <Handle type="source" position={Position.Right} isConnectable={false} className={styles.handle} />
    </>
  );
}
