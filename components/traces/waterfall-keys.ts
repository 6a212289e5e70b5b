/**
 * Keyboard behaviour of the waterfall, as a plain function of the key and the visible rows (the tree-grid
 * pattern of WAI-ARIA and of every file tree): ↑/↓ move, Home/End jump, Enter opens the hop's details,
 * ← collapses an open hop or moves to its parent, → expands a folded hop or moves to its first child.
 *
 * Assumes `rows` are in pre-order (as `waterfallRows` returns them): a row's parent is the nearest row
 * above it with a smaller depth, and its first child, if shown, is the row right below it.
 */
import type { WaterfallRow } from "@/lib/traces";

export type RowKeyAction =
  | { type: "focus"; index: number }
  | { type: "open"; id: string }
  | { type: "collapse"; id: string }
  | { type: "expand"; id: string };

type NavRow = Pick<WaterfallRow, "id" | "depth" | "hasChildren" | "collapsed">;

export function parentIndex(rows: readonly NavRow[], index: number): number | null {
  const depth = rows[index]?.depth ?? 0;
  for (let i = index - 1; i >= 0; i--) if ((rows[i]?.depth ?? 0) < depth) return i;
  return null;
}

export function rowKeyAction(key: string, rows: readonly NavRow[], index: number): RowKeyAction | null {
  const row = rows[index];
  if (!row) return null;
  const focus = (i: number): RowKeyAction => ({
    type: "focus",
    index: Math.max(0, Math.min(rows.length - 1, i)),
  });
  switch (key) {
    case "ArrowDown":
      return focus(index + 1);
    case "ArrowUp":
      return focus(index - 1);
    case "Home":
      return focus(0);
    case "End":
      return focus(rows.length - 1);
    case "Enter":
    case " ":
      return { type: "open", id: row.id };
    case "ArrowLeft": {
      if (row.hasChildren && !row.collapsed) return { type: "collapse", id: row.id };
      const parent = parentIndex(rows, index);
      return parent === null ? null : focus(parent);
    }
    case "ArrowRight":
      if (!row.hasChildren) return null;
      return row.collapsed ? { type: "expand", id: row.id } : focus(index + 1);
    default:
      return null;
  }
}
