"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { EventFilter } from "@/lib/api/events";
import { filterFromParams, paramsWithFilter } from "@/components/events/filter-params";

/**
 * The tail filter lives in the URL (linkable, survives a reload); this hook is its only reader and writer,
 * shared by the filter bar and the flow graph's "click a node to filter".
 */
export function useEventFilter(): {
  filter: EventFilter;
  updateFilter: (patch: Partial<EventFilter>) => void;
} {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const search = params.toString();
  // Keyed by the query string, so the same filter keeps the same object (and query key) across renders.
  const filter = useMemo(() => filterFromParams(new URLSearchParams(search)), [search]);

  const updateFilter = useCallback(
    (patch: Partial<EventFilter>) => {
      const query = paramsWithFilter(search, { ...filter, ...patch }).toString();
      // replace, not push: typing a filter should not fill the back button with every keystroke.
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [filter, pathname, router, search],
  );
  return { filter, updateFilter };
}
