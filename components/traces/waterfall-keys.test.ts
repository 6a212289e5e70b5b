import { describe, expect, it } from "vitest";
import { parentIndex, rowKeyAction } from "@/components/traces/waterfall-keys";

// root ─┬─ a ── a1
//       └─ b (folded)
const rows = [
  { id: "root", depth: 0, hasChildren: true, collapsed: false },
  { id: "a", depth: 1, hasChildren: true, collapsed: false },
  { id: "a1", depth: 2, hasChildren: false, collapsed: false },
  { id: "b", depth: 1, hasChildren: true, collapsed: true },
];

describe("rowKeyAction", () => {
  it("moves down and up, staying inside the list", () => {
    expect(rowKeyAction("ArrowDown", rows, 0)).toEqual({ type: "focus", index: 1 });
    expect(rowKeyAction("ArrowUp", rows, 0)).toEqual({ type: "focus", index: 0 });
    expect(rowKeyAction("ArrowDown", rows, 3)).toEqual({ type: "focus", index: 3 });
  });

  it("jumps to the first and last row with Home and End", () => {
    expect(rowKeyAction("End", rows, 1)).toEqual({ type: "focus", index: 3 });
    expect(rowKeyAction("Home", rows, 2)).toEqual({ type: "focus", index: 0 });
  });

  it("opens the hop's details on Enter and Space", () => {
    expect(rowKeyAction("Enter", rows, 2)).toEqual({ type: "open", id: "a1" });
    expect(rowKeyAction(" ", rows, 2)).toEqual({ type: "open", id: "a1" });
  });

  it("collapses an expanded hop with children on ArrowLeft", () => {
    expect(rowKeyAction("ArrowLeft", rows, 1)).toEqual({ type: "collapse", id: "a" });
  });

  it("moves to the parent on ArrowLeft from a leaf or a folded hop", () => {
    expect(rowKeyAction("ArrowLeft", rows, 2)).toEqual({ type: "focus", index: 1 });
    expect(rowKeyAction("ArrowLeft", rows, 3)).toEqual({ type: "focus", index: 0 });
  });

  it("does nothing on ArrowLeft at a root that is already folded", () => {
    expect(rowKeyAction("ArrowLeft", [{ ...rows[0]!, collapsed: true }], 0)).toBeNull();
  });

  it("expands a folded hop on ArrowRight, and moves into an expanded one", () => {
    expect(rowKeyAction("ArrowRight", rows, 3)).toEqual({ type: "expand", id: "b" });
    expect(rowKeyAction("ArrowRight", rows, 1)).toEqual({ type: "focus", index: 2 });
  });

  it("ignores ArrowRight on a leaf and keys it does not know", () => {
    expect(rowKeyAction("ArrowRight", rows, 2)).toBeNull();
    expect(rowKeyAction("x", rows, 0)).toBeNull();
  });
});

describe("parentIndex", () => {
  it("finds the nearest row above with a smaller depth", () => {
    expect(parentIndex(rows, 2)).toBe(1);
    expect(parentIndex(rows, 3)).toBe(0);
    expect(parentIndex(rows, 0)).toBeNull();
  });
});
