"use client";

import { createContext, useContext } from "react";
import type { FlowNode } from "@/lib/api/flows";
import type { FlowViewState } from "@/components/flows/flow-view-params";

/**
 * What nodes need from the page besides their own data: which node the tail is filtered by, and how to
 * filter by another. Passed by context so the node objects given to xyflow never change for it.
 */
export interface FlowGraphActions {
  activeNodeId: string | null;
  selectNode: (node: FlowNode) => void;
  /** What edge labels show and for which window/moment (from the URL). */
  view: Pick<FlowViewState, "labels" | "window" | "at" | "objectiveMs" | "edge">;
  selectEdge: (id: string) => void;
}

export const FlowGraphContext = createContext<FlowGraphActions>({
  activeNodeId: null,
  selectNode: () => undefined,
  view: { labels: "rate", window: "5m", at: null, objectiveMs: 500, edge: null },
  selectEdge: () => undefined,
});

export const useFlowGraphActions = () => useContext(FlowGraphContext);
