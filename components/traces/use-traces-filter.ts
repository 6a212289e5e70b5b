"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import {
  type TracesFilter,
  paramsWithTracesFilter,
  tracesFilterFromParams,
} from "@/components/traces/trace-filter-params";

/** The traces table's filter lives in the URL (linkable, survives a reload); this is its reader and writer. */
export function useTracesFilter(): {
  filter: TracesFilter;
  updateFilter: (patch: Partial<TracesFilter>) => void;
} {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const search = params.toString();
  // Keyed by the query string, so the same filter keeps the same object (and query key) across renders.
  const filter = useMemo(() => tracesFilterFromParams(new URLSearchParams(search)), [search]);

  const updateFilter = useCallback(
    (patch: Partial<TracesFilter>) => {
      const query = paramsWithTracesFilter(search, { ...filter, ...patch }).toString();
      // replace, not push: narrowing a list should not fill the back button with every choice.
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [filter, pathname, router, search],
  );
  return { filter, updateFilter };
}
