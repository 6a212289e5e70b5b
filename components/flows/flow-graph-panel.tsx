"use client";

import { useMemo } from "react";
import type { FlowNode } from "@/lib/api/flows";
import { Button } from "@/components/ui/button";
import { Panel, PanelMessage } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import { useEventFilter } from "@/components/events/use-event-filter";
import { FlowGraph } from "@/components/flows/flow-graph";
import { type FlowGraphActions, FlowGraphContext } from "@/components/flows/flow-graph-context";
import { FlowLegend } from "@/components/flows/flow-legend";
import { useFlowShape } from "@/components/flows/use-flow-graph";
import styles from "@/components/flows/flow-graph.module.css";

const topicName = (node: FlowNode) => node.id.slice("topic:".length);

/** Graph of services → topics → consumer groups; clicking a node filters the live tail (click again: unfilter). */
export function FlowGraphPanel({ className }: { className?: string }) {
  const { data: shape, isPending, error, refetch } = useFlowShape({ poll: true });
  const { filter, updateFilter } = useEventFilter();

  const actions = useMemo<FlowGraphActions>(() => {
    const activeNodeId = filter.service
      ? `service:${filter.service}`
      : filter.topic
        ? `topic:${filter.topic}`
        : null;
    return {
      activeNodeId,
      selectNode: (node) => {
        const active = activeNodeId === node.id;
        if (node.kind === "service")
          updateFilter({ service: active ? undefined : node.label, topic: undefined });
        else if (node.kind === "topic")
          updateFilter({ topic: active ? undefined : topicName(node), service: undefined });
      },
    };
  }, [filter.service, filter.topic, updateFilter]);

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
    <Panel title="Flow" meta={meta} actions={<FlowLegend />} testId="flow-panel" className={className}>
      {body}
    </Panel>
  );
}
