/**
 * Left-to-right layout of the flow graph with dagre: producers left, topics in the middle, consumers
 * right. Pure and deterministic for a given node/edge set, so the graph never jumps while rates change.
 *
 * The panel is wide and short, so disconnected parts (a retry/DLQ loop, an idle topic) are laid out one by
 * one and packed in columns to the right of the largest part, instead of dagre stacking them all on top
 * of each other, which would make the picture tall and shrink everything to fit.
 */
import { graphlib, layout } from "@dagrejs/dagre";
import type { FlowNodeKind } from "@/lib/api/flows";

export const NODE_WIDTH = 164;
export const NODE_HEIGHT = 40;
const NODE_GAP = 12;
const RANK_GAP = 60;
/** Gap between packed parts. */
const PART_GAP = 40;
/** Width:height of the graph panel on a typical desktop; the packing aims for a picture of that shape. */
const TARGET_ASPECT = 4;

export interface Point {
  x: number;
  y: number;
}

interface Link {
  source: string;
  target: string;
}

interface Part {
  ids: string[];
  positions: Map<string, Point>;
  width: number;
  height: number;
}

/** Connected parts (ignoring direction), each with its ids in sorted order; largest first. */
function connectedParts(ids: string[], links: Link[]): string[][] {
  const neighbours = new Map(ids.map((id) => [id, [] as string[]]));
  for (const { source, target } of links) {
    neighbours.get(source)?.push(target);
    neighbours.get(target)?.push(source);
  }
  const seen = new Set<string>();
  const parts: string[][] = [];
  for (const start of ids) {
    if (seen.has(start)) continue;
    const part: string[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const id = queue.pop() as string;
      part.push(id);
      for (const next of neighbours.get(id) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    parts.push(part.sort((a, b) => a.localeCompare(b)));
  }
  return parts.sort((a, b) => b.length - a.length || (a[0] ?? "").localeCompare(b[0] ?? ""));
}

function layoutPart(ids: string[], links: Link[]): Part {
  const g = new graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const inPart = new Set(ids);
  for (const link of links) if (inPart.has(link.source)) g.setEdge(link.source, link.target);
  layout(g);
  const positions = new Map<string, Point>();
  let width = 0;
  let height = 0;
  for (const id of ids) {
    const { x, y } = g.node(id);
    const point = { x: x - NODE_WIDTH / 2, y: y - NODE_HEIGHT / 2 };
    positions.set(id, point);
    width = Math.max(width, point.x + NODE_WIDTH);
    height = Math.max(height, point.y + NODE_HEIGHT);
  }
  return { ids, positions, width, height };
}

/** Puts `rest` in columns right of `main`, starting a new column when one would exceed `columnHeight`. */
function packBeside(main: Part, rest: Part[], columnHeight: number, out?: Map<string, Point>) {
  let columnX = main.width + PART_GAP;
  let columnWidth = 0;
  let y = 0;
  let width = main.width;
  let height = main.height;
  for (const part of rest) {
    if (y > 0 && y + part.height > columnHeight) {
      columnX += columnWidth + PART_GAP;
      columnWidth = 0;
      y = 0;
    }
    if (out) for (const [id, p] of part.positions) out.set(id, { x: columnX + p.x, y: y + p.y });
    columnWidth = Math.max(columnWidth, part.width);
    width = Math.max(width, columnX + part.width);
    height = Math.max(height, y + part.height);
    y += part.height + NODE_GAP * 2;
  }
  return { width, height };
}

/**
 * The column height that lets the picture be drawn largest in a panel of TARGET_ASPECT: tall columns make
 * the picture tall, short ones make it wide; the scale that fits is min(aspect / width, 1 / height).
 */
function bestColumnHeight(main: Part, rest: Part[]): number {
  const total = rest.reduce((sum, p) => sum + p.height + NODE_GAP * 2, 0);
  let best = { score: -1, height: main.height };
  for (let step = 0; step <= 8; step++) {
    const columnHeight = main.height + ((total - main.height) * step) / 8;
    const { width, height } = packBeside(main, rest, Math.max(columnHeight, main.height));
    const score = Math.min(TARGET_ASPECT / width, 1 / height);
    if (score > best.score + 1e-9) best = { score, height: Math.max(columnHeight, main.height) };
  }
  return best.height;
}

/** Top-left position of every node (xyflow's convention; dagre returns centres). */
export function layoutFlow(
  nodes: readonly { id: string; kind: FlowNodeKind }[],
  edges: readonly Link[],
): Map<string, Point> {
  // Sorted, so the same set always produces the same picture whatever order the server listed it in.
  const ids = nodes.map((n) => n.id).sort((a, b) => a.localeCompare(b));
  const known = new Set(ids);
  const links = edges
    .filter((e) => known.has(e.source) && known.has(e.target))
    .sort((a, b) => `${a.source}>${a.target}`.localeCompare(`${b.source}>${b.target}`));
  const [main, ...rest] = connectedParts(ids, links).map((part) => layoutPart(part, links));
  const positions = new Map<string, Point>();
  if (!main) return positions;
  for (const [id, p] of main.positions) positions.set(id, p);

  const best = bestColumnHeight(main, rest);
  packBeside(main, rest, best, positions);
  return positions;
}
