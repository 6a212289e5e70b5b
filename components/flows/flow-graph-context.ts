"use client";

import { createContext, useContext } from "react";
import type { FlowNode } from "@/lib/api/flows";

/**
 * What nodes need from the page besides their own data: which node the tail is filtered by, and how to
 * filter by another. Passed by context so the node objects given to xyflow never change for it.
 */
export interface FlowGraphActions {
  activeNodeId: string | null;
  selectNode: (node: FlowNode) => void;
}

export const FlowGraphContext = createContext<FlowGraphActions>({
  activeNodeId: null,
  selectNode: () => undefined,
});

export const useFlowGraphActions = () => useContext(FlowGraphContext);
