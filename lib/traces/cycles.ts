import type { ParentEdge } from "./parents";
import type { ParentVia } from "./types";

// Which edge of a cycle to give up: the one we trust least.
const TRUST: Record<ParentVia, number> = {
  time: 0,
  span: 1,
  causation: 2,
  copy: 3,
  "dead-letter-origin": 4,
};

/**
 * Makes the parent edges a forest. Every event has at most one parent, so each connected part holds at
 * most one cycle (a self-reference is a cycle of one). In each cycle the least trusted edge is dropped,
 * and among equals the edge of the earliest event, so the event that started the story becomes the root.
 *
 * Assumes `order` lists every event id once, earliest first, and every `parentId` is one of them.
 * Walks each event's parent chain once overall (finished events are never walked again): O(n), no
 * recursion, so a 10,000-hop chain cannot overflow the stack. Returns the new edges and the ids whose
 * edge was dropped.
 */
export function breakCycles(
  order: readonly string[],
  edges: ReadonlyMap<string, ParentEdge>,
): { edges: Map<string, ParentEdge>; dropped: Set<string> } {
  const result = new Map(edges);
  const dropped = new Set<string>();
  const rank = new Map(order.map((id, i) => [id, i]));
  const state = new Map<string, "walking" | "done">();

  for (const start of order) {
    const path: string[] = [];
    let id: string | undefined = start;
    while (id !== undefined && !state.has(id)) {
      state.set(id, "walking");
      path.push(id);
      id = result.get(id)?.parentId;
    }
    if (id !== undefined && state.get(id) === "walking") {
      const victim = weakest(path.slice(path.indexOf(id)), result, rank);
      result.delete(victim);
      dropped.add(victim);
    }
    for (const walked of path) state.set(walked, "done");
  }
  return { edges: result, dropped };
}

function weakest(
  cycle: readonly string[],
  edges: ReadonlyMap<string, ParentEdge>,
  rank: ReadonlyMap<string, number>,
): string {
  const score = (id: string) => [TRUST[edges.get(id)?.via ?? "time"], rank.get(id) ?? 0] as const;
  return cycle.reduce((best, id) => {
    const [t, r] = score(id);
    const [bt, br] = score(best);
    return t < bt || (t === bt && r < br) ? id : best;
  });
}
