/**
 * The graph without its rates: all the layout depends on. Dropping rates and `generatedAt` means a refetch
 * that only changed numbers gives a deep-equal shape, which TanStack Query's structural sharing hands back
 * as the *same* object, so the layout memo downstream never re-runs for a mere rate change.
 */
import type { FlowEdge, FlowGraph, FlowNode } from "@/lib/api/flows";

export interface FlowShape {
  nodes: FlowNode[];
  edges: Omit<FlowEdge, "ratePerSec">[];
}

export const toFlowShape = (graph: FlowGraph): FlowShape => ({
  nodes: graph.nodes,
  edges: graph.edges.map(({ ratePerSec: _rate, ...edge }) => edge),
});
