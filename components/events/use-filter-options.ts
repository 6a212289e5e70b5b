"use client";

import { useMemo } from "react";
import type { EventFilter } from "@/lib/api/events";
import { useFlowShape } from "@/components/flows/use-flow-graph";
import { useTopics } from "@/components/flows/use-topics";
import type { FilterOptions } from "@/components/events/tail-filter-bar";
import { type TailChoices, noChoices } from "@/components/events/tail-choices";

const uniqueSorted = (values: Iterable<string | null | undefined>) =>
  [...new Set([...values].filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));

/**
 * Choices for the filter selects, derived (not stored): topics from `/api/topics`, services that produce
 * in the flow graph, and whatever services and types the tail has shown (gathered per flush by the tail
 * reducer, so a render never walks every row). The current choice always stays listed, even when nothing
 * matching is in view.
 */
export function useFilterOptions(
  filter: EventFilter,
  shown: TailChoices = noChoices,
): FilterOptions & { dlqTopics: ReadonlySet<string> } {
  const topics = useTopics().data?.topics;
  const shape = useFlowShape().data;
  const topicOptions = useMemo(
    () => uniqueSorted([...(topics ?? []).map((t) => t.name), filter.topic]),
    [topics, filter.topic],
  );
  const dlqTopics = useMemo(
    () => new Set((topics ?? []).filter((t) => t.isDlq).map((t) => t.name)),
    [topics],
  );
  const producers = useMemo(() => {
    const labels = new Map(shape?.nodes.map((n) => [n.id, n.label]));
    return (shape?.edges ?? []).filter((e) => e.kind === "produces").map((e) => labels.get(e.source));
  }, [shape]);
  const services = useMemo(
    () => uniqueSorted([...producers, ...shown.services, filter.service]),
    [producers, shown.services, filter.service],
  );
  const types = useMemo(() => uniqueSorted([...shown.types, filter.type]), [shown.types, filter.type]);
  return { topics: topicOptions, services, types, dlqTopics };
}
