"use client";

import {
  type FlowViewState,
  flowViewFromParams,
  paramsWithFlowView,
} from "@/components/flows/flow-view-params";
import { useUrlState } from "@/components/ui/use-url-state";

/** The graph's view state in the URL; this hook is its only reader and writer. */
export function useFlowView(): { view: FlowViewState; updateView: (patch: Partial<FlowViewState>) => void } {
  const [view, updateView] = useUrlState(flowViewFromParams, paramsWithFlowView);
  return { view, updateView };
}
