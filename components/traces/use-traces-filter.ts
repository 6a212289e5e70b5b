"use client";

import {
  type TracesFilter,
  paramsWithTracesFilter,
  tracesFilterFromParams,
} from "@/components/traces/trace-filter-params";
import { useUrlState } from "@/components/ui/use-url-state";

/** The traces table's filter lives in the URL (linkable, survives a reload); this is its reader and writer. */
export function useTracesFilter(): {
  filter: TracesFilter;
  updateFilter: (patch: Partial<TracesFilter>) => void;
} {
  const [filter, updateFilter] = useUrlState(tracesFilterFromParams, paramsWithTracesFilter);
  return { filter, updateFilter };
}
