import { serviceColorIndex } from "./service-color";
import { axisTicks } from "./ticks";
import type { StitchedTrace, Waterfall, WaterfallRow } from "./types";

export interface WaterfallOptions {
  /** Hop ids whose subtrees are folded away; the hop itself stays as a collapsed row. */
  collapsed?: ReadonlySet<string>;
  /** Number of colours the UI's palette has. */
  paletteSize?: number;
  /** About how many intervals the axis shows. */
  tickCount?: number;
}

/**
 * The rows a Jaeger-style waterfall renders: one per visible hop in causal order, each bar placed on the
 * common axis from the trace start (produced → consumed, or → the next message it caused).
 *
 * Assumes `trace.hops` is in pre-order (as `stitchTrace` returns it), so a hop's subtree is the run of
 * following hops with a greater depth: folding is one pass with no tree walk.
 */
export function waterfallRows(trace: StitchedTrace, options: WaterfallOptions = {}): Waterfall {
  const startedAt = trace.startedAt ?? 0;
  const rows: WaterfallRow[] = [];
  let foldedBelow: number | null = null;

  for (const hop of trace.hops) {
    if (foldedBelow !== null && hop.depth > foldedBelow) continue;
    foldedBelow = null;
    const collapsed = (options.collapsed?.has(hop.id) ?? false) && hop.childIds.length > 0;
    if (collapsed) foldedBelow = hop.depth;
    rows.push({
      id: hop.id,
      depth: hop.depth,
      label: hop.eventType ?? hop.topic,
      service: hop.service,
      topic: hop.topic,
      link: hop.link,
      status: hop.status,
      startOffsetMs: hop.producedAt - startedAt,
      durationMs: hop.durationMs,
      queueMs: hop.queueMs,
      processingMs: hop.processingMs,
      deadLetter: hop.deadLetter,
      copy: hop.copy,
      inferredParent: hop.parentVia === "time",
      missingParent: hop.missingParent,
      hasChildren: hop.childIds.length > 0,
      collapsed,
      serviceColorIndex: serviceColorIndex(hop.service, options.paletteSize),
    });
  }
  return {
    axis: { startedAt, totalMs: trace.durationMs, ticks: axisTicks(trace.durationMs, options.tickCount) },
    rows,
  };
}
