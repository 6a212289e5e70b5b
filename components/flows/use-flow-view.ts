"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import {
  type FlowViewState,
  flowViewFromParams,
  paramsWithFlowView,
} from "@/components/flows/flow-view-params";

/** The graph's view state in the URL; this hook is its only reader and writer. */
export function useFlowView(): { view: FlowViewState; updateView: (patch: Partial<FlowViewState>) => void } {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const search = params.toString();
  const view = useMemo(() => flowViewFromParams(new URLSearchParams(search)), [search]);
  const updateView = useCallback(
    (patch: Partial<FlowViewState>) => {
      const query = paramsWithFlowView(search, { ...view, ...patch }).toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [pathname, router, search, view],
  );
  return { view, updateView };
}
