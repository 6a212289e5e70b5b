"use client";

import { useMemo } from "react";
import type { TraceSummary } from "@/lib/traces";
import { useFlowShape } from "@/components/flows/use-flow-graph";
import { useTopics } from "@/components/flows/use-topics";
import type { TracesFilter } from "@/components/traces/trace-filter-params";

export interface TraceFilterOptions {
  services: string[];
  topics: string[];
}

const uniqueSorted = (values: Iterable<string | null | undefined>) =>
  [...new Set([...values].filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));

/**
 * Choices for the service and topic selects, derived (not stored): topics from `/api/topics`, producing
 * services from the flow graph, plus whatever the listed traces mention. The current choice always stays
 * listed, even when no listed trace matches it.
 */
export function useTraceFilterOptions(
  filter: TracesFilter,
  traces: readonly TraceSummary[] | undefined,
): TraceFilterOptions {
  const topics = useTopics().data?.topics;
  const shape = useFlowShape().data;
  return useMemo(() => {
    const labels = new Map(shape?.nodes.map((n) => [n.id, n.label]));
    const producers = (shape?.edges ?? [])
      .filter((e) => e.kind === "produces")
      .map((e) => labels.get(e.source));
    return {
      services: uniqueSorted([...producers, ...(traces ?? []).flatMap((t) => t.services), filter.service]),
      topics: uniqueSorted([
        ...(topics ?? []).map((t) => t.name),
        ...(traces ?? []).flatMap((t) => t.topics),
        filter.topic,
      ]),
    };
  }, [shape, topics, traces, filter.service, filter.topic]);
}
