/** A node of the causation tree in causal order. */
export interface Placed {
  id: string;
  depth: number;
  childIds: string[];
}

/**
 * Causal order: depth-first pre-order of the causation tree, roots and siblings by time. Pre-order puts
 * every parent before its children, which is what "causal order" has to mean when clocks disagree (a
 * child's timestamp may be earlier than its parent's). Iterative, so deep chains cannot overflow the stack.
 *
 * Assumes `order` lists every id once in `compareEvents` order and `parentOf` is acyclic (./cycles) with
 * parents among `order`. Then every id is placed exactly once.
 */
export function causalOrder(order: readonly string[], parentOf: ReadonlyMap<string, string>): Placed[] {
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const id of order) {
    const parent = parentOf.get(id);
    if (parent === undefined) roots.push(id);
    else if (children.has(parent)) children.get(parent)?.push(id);
    else children.set(parent, [id]);
  }

  const placed: Placed[] = [];
  const stack = roots.map((id) => ({ id, depth: 0 })).reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    const childIds = children.get(next.id) ?? [];
    placed.push({ id: next.id, depth: next.depth, childIds });
    // Pushed last-first so the earliest child is popped (placed) first.
    for (const child of [...childIds].reverse()) stack.push({ id: child, depth: next.depth + 1 });
  }
  return placed;
}
