"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

/**
 * View state kept in the URL's query (linkable, survives a reload): read with `fromParams`, written back
 * with `toParams` (which keeps the parameters other views own). The state is keyed by the query string,
 * so the same URL gives the same object (and query key) across renders. Updates replace the history
 * entry: narrowing a view should not fill the back button with every choice.
 */
export function useUrlState<T>(
  fromParams: (params: URLSearchParams) => T,
  toParams: (search: string, state: T) => URLSearchParams,
): [T, (patch: Partial<T>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const search = params.toString();
  const state = useMemo(() => fromParams(new URLSearchParams(search)), [fromParams, search]);
  const update = useCallback(
    (patch: Partial<T>) => {
      const query = toParams(search, { ...state, ...patch }).toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [pathname, router, search, state, toParams],
  );
  return [state, update];
}
