"use client";

import { useMemo } from "react";
import type { FlowNode } from "@/lib/api/flows";
import { Button } from "@/components/ui/button";
import { Panel, PanelMessage } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import { useEventFilter } from "@/components/events/use-event-filter";
import { FlowGraph } from "@/components/flows/flow-graph";
import { type FlowGraphActions, FlowGraphContext } from "@/components/flows/flow-graph-context";
import { EdgeLatencyPanel } from "@/components/flows/edge-latency-panel";
import { FlowLegend } from "@/components/flows/flow-legend";
import { FlowToolbar } from "@/components/flows/flow-toolbar";
import { PathwaysPanel } from "@/components/flows/pathways-panel";
import { useFlowAt } from "@/components/flows/use-flow-latency";
import { useFlowView } from "@/components/flows/use-flow-view";
import { useFlowShape } from "@/components/flows/use-flow-graph";
import styles from "@/components/flows/flow-graph.module.css";

const topicName = (node: FlowNode) => node.id.slice("topic:".length);

const pickNothing = () => null;

/**
 * Graph of services → topics → consumer groups; clicking a node filters the live tail (click again:
 * unfilter), clicking an edge label opens its latency panel.
 */
export function FlowGraphPanel({ className }: { className?: string }) {
  const { data: shape, isPending, error, refetch } = useFlowShape({ poll: true });
  const { filter, updateFilter } = useEventFilter();
  const { view, updateView } = useFlowView();
  // The one observer that keeps the latency of the shown window fresh; edges only read it.
  useFlowAt(view.window, view.at, pickNothing, { poll: true });

  const actions = useMemo<FlowGraphActions>(() => {
    const activeNodeId = filter.service
      ? `service:${filter.service}`
      : filter.topic
        ? `topic:${filter.topic}`
        : null;
    return {
      view,
      selectEdge: (id) => updateView({ edge: view.edge === id ? null : id, pathways: false }),
      activeNodeId,
      selectNode: (node) => {
        const active = activeNodeId === node.id;
        if (node.kind === "service")
          updateFilter({ service: active ? undefined : node.label, topic: undefined });
        else if (node.kind === "topic")
          updateFilter({ topic: active ? undefined : topicName(node), service: undefined });
      },
    };
  }, [filter.service, filter.topic, updateFilter, view, updateView]);

  const counts = shape?.nodes.length
    ? (["service", "topic", "group"] as const).map(
        (kind) => shape.nodes.filter((n) => n.kind === kind).length,
      )
    : null;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const meta = counts
    ? `${plural(counts[0] ?? 0, "service")} · ${plural(counts[1] ?? 0, "topic")}${counts[2] ? ` · ${plural(counts[2], "group")}` : ""} — click one to filter the tail`
    : undefined;

  let body;
  if (shape && shape.nodes.length > 0)
    body = (
      <FlowGraphContext.Provider value={actions}>
        <FlowGraph shape={shape} />
        {view.edge !== null ? (
          <EdgeLatencyPanel view={{ ...view, edge: view.edge }} onClose={() => updateView({ edge: null })} />
        ) : view.pathways ? (
          <PathwaysPanel view={view} onClose={() => updateView({ pathways: false })} />
        ) : null}
      </FlowGraphContext.Provider>
    );
  else if (shape)
    body = (
      <PanelMessage title="No services or topics seen yet" testId="flow-graph-empty">
        Nothing was produced in the last hour — is anything producing? The graph draws itself from the events
        Eventscope reads.
      </PanelMessage>
    );
  else if (isPending)
    body = (
      <div className={styles.loading}>
        <Skeleton rows={5} />
      </div>
    );
  else
    body = (
      <PanelMessage title="Could not load the flow graph" tone="error" testId="flow-graph-error">
        <p>{error?.message}</p>
        <Button onClick={() => void refetch()}>Try again</Button>
      </PanelMessage>
    );

  return (
    <Panel
      title="Flow"
      meta={meta}
      actions={
        <>
          <FlowToolbar view={view} update={updateView} />
          <FlowLegend />
        </>
      }
      testId="flow-panel"
      className={className}
    >
      {body}
    </Panel>
  );
}
