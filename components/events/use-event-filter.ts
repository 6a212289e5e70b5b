"use client";

import type { EventFilter } from "@/lib/api/events";
import { filterFromParams, paramsWithFilter } from "@/components/events/filter-params";
import { useUrlState } from "@/components/ui/use-url-state";

/**
 * The tail filter lives in the URL (linkable, survives a reload); this hook is its only reader and writer,
 * shared by the filter bar and the flow graph's "click a node to filter".
 */
export function useEventFilter(): {
  filter: EventFilter;
  updateFilter: (patch: Partial<EventFilter>) => void;
} {
  const [filter, updateFilter] = useUrlState(filterFromParams, paramsWithFilter);
  return { filter, updateFilter };
}
