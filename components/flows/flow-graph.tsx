"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  Controls,
  type Edge,
  MarkerType,
  ReactFlow,
  useReactFlow,
  useStore,
} from "@xyflow/react";
import { useEffect, useMemo } from "react";
import { useTheme } from "@/components/ui/use-theme";
import { NODE_HEIGHT, NODE_WIDTH, layoutFlow } from "@/components/flows/flow-layout";
import { type FlowNodeType, FlowNodeView } from "@/components/flows/flow-node";
import { RateEdge, type RateEdgeType } from "@/components/flows/flow-rate-edge";
import type { FlowShape } from "@/components/flows/flow-shape";
import styles from "@/components/flows/flow-graph.module.css";

// Outside the component: xyflow warns (and re-mounts every node) when these objects change identity.
const nodeTypes = { flow: FlowNodeView };
const edgeTypes = { rate: RateEdge };
const FIT = { padding: 0.12, maxZoom: 1.1 } as const;
const keepNodesClickable = () => undefined;

function toFlowElements(shape: FlowShape): { nodes: FlowNodeType[]; edges: RateEdgeType[] } {
  const positions = layoutFlow(shape.nodes, shape.edges);
  const dlq = new Set(shape.nodes.filter((n) => n.isDlq).map((n) => n.id));
  const nodes = shape.nodes.map((node): FlowNodeType => ({
    id: node.id,
    type: "flow",
    position: positions.get(node.id) ?? { x: 0, y: 0 },
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    data: { node },
  }));
  const edges = shape.edges
    .filter((e) => positions.has(e.source) && positions.has(e.target))
    .map((edge): Edge<NonNullable<RateEdgeType["data"]>, "rate"> => ({
      id: edge.id,
      type: "rate",
      source: edge.source,
      target: edge.target,
      markerEnd: {
        type: MarkerType.ArrowClosed,
        width: 14,
        height: 14,
        color: dlq.has(edge.target) ? "var(--err)" : "var(--text-muted)",
      },
      data: {
        kind: edge.kind,
        toDlq: dlq.has(edge.target),
        // Flows back to a node further left (a saga's reply): drawn fainter so the main direction reads.
        back: (positions.get(edge.source)?.x ?? 0) > (positions.get(edge.target)?.x ?? 0),
      },
    }));
  return { nodes, edges };
}

/**
 * Re-fits the viewport when the set of nodes changes (a new service appears) or the panel is resized,
 * never on rate updates.
 */
function FitOnShapeChange({ shape }: { shape: FlowShape }) {
  const { fitView } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  useEffect(() => {
    const frame = requestAnimationFrame(() => void fitView(FIT));
    return () => cancelAnimationFrame(frame);
  }, [shape, fitView, width, height]);
  return null;
}

/** The laid-out graph. `shape` keeps its identity while only rates change, so the layout runs once per set. */
export function FlowGraph({ shape }: { shape: FlowShape }) {
  const theme = useTheme();
  const { nodes, edges } = useMemo(() => toFlowElements(shape), [shape]);
  return (
    <div className={styles.canvas} data-testid="flow-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode={theme}
        fitView
        fitViewOptions={FIT}
        minZoom={0.3}
        maxZoom={1.6}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        // Each node renders its own <button>: one tab stop per node, with a name, instead of xyflow's wrapper.
        nodesFocusable={false}
        // xyflow turns pointer events off on nodes nobody listens to; the <button> inside each node does
        // the listening (mouse and keyboard alike), so this handler only keeps the nodes clickable.
        onNodeClick={keepNodesClickable}
        edgesFocusable={false}
        panOnScroll={false}
        zoomOnScroll={false}
        zoomOnPinch
        preventScrolling={false}
        proOptions={{ hideAttribution: false }}
      >
        <Background gap={20} size={1} color="var(--border)" />
        <Controls showInteractive={false} position="bottom-right" />
        <FitOnShapeChange shape={shape} />
      </ReactFlow>
    </div>
  );
}
