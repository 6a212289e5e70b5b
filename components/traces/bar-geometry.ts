/**
 * Where a waterfall bar sits on the common time axis, in percent of the timeline's width, and how it splits
 * into queue time and processing time. Pure: the row component only copies these numbers into styles.
 */
import type { WaterfallAxis, WaterfallRow } from "@/lib/traces";
import { formatDuration } from "@/components/traces/trace-format";

export interface BarGeometry {
  /** Start of the bar, 0–100 (% of the timeline). */
  left: number;
  /** Width of the bar, 0–(100 − left); zero-length hops are drawn as a minimum-width tick by CSS. */
  width: number;
  /** Share (0–1) of the bar that is queue time; null when no commit observation split the hop. */
  queueShare: number | null;
  /**
   * Where the duration label goes: after the bar, before it when the bar ends near the right edge, or
   * inside it when the bar spans most of the axis. `labelRoom` is the room it has there (0–100).
   */
  labelSide: "after" | "before" | "inside";
  labelRoom: number;
}

type BarInput = Pick<WaterfallRow, "startOffsetMs" | "durationMs" | "queueMs" | "processingMs">;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Room (in % of the timeline) a label needs beside its bar before it rather goes elsewhere. */
const LABEL_ROOM = 30;

/** After, before or inside: one of the three always has a third of the axis, so one always fits. */
function labelPlace(left: number, width: number): Pick<BarGeometry, "labelSide" | "labelRoom"> {
  const after = 100 - left - width;
  if (after >= LABEL_ROOM) return { labelSide: "after", labelRoom: after };
  if (left >= LABEL_ROOM) return { labelSide: "before", labelRoom: left };
  return { labelSide: "inside", labelRoom: width };
}

export function barGeometry(row: BarInput, totalMs: number): BarGeometry {
  const left = totalMs > 0 ? clamp((row.startOffsetMs / totalMs) * 100, 0, 100) : 0;
  const width = totalMs > 0 ? clamp((row.durationMs / totalMs) * 100, 0, 100 - left) : 0;
  return { left, width, queueShare: queueShare(row), ...labelPlace(left, width) };
}

/** Null when unsplit; 1 for a leaf whose consumption is known (all of it waited in the queue). */
function queueShare({ queueMs, processingMs }: BarInput): number | null {
  if (queueMs === null) return null;
  if (processingMs === null) return 1;
  const sum = queueMs + processingMs;
  return sum > 0 ? clamp(queueMs / sum, 0, 1) : 0;
}

export interface TickMark {
  offsetMs: number;
  /** 0–100 (% of the timeline). */
  position: number;
  label: string;
}

/** The axis's ticks as positions and labels; the first reads "0", the others as durations. */
export function tickMarks(axis: Pick<WaterfallAxis, "ticks" | "totalMs">): TickMark[] {
  return axis.ticks.map((offsetMs) => ({
    offsetMs,
    position: axis.totalMs > 0 ? clamp((offsetMs / axis.totalMs) * 100, 0, 100) : 0,
    label: offsetMs === 0 ? "0" : formatDuration(offsetMs),
  }));
}

/** The bar's tooltip: what the bar spans and, when known, how it splits into queue and processing. */
export function barTooltip(row: BarInput & Pick<WaterfallRow, "label" | "service">): string {
  const head = `${row.service ?? "unknown service"} · ${row.label}: ${formatDuration(row.durationMs)}`;
  const at = `starts ${formatDuration(row.startOffsetMs)} after the trace began`;
  if (row.queueMs !== null && row.processingMs !== null) {
    return `${head}\nQueue ${formatDuration(row.queueMs)} (produced → consumed)\nProcessing ${formatDuration(row.processingMs)} (consumed → next message)\n${at}`;
  }
  if (row.queueMs !== null)
    return `${head}\nQueue ${formatDuration(row.queueMs)} (produced → consumed; nothing caused yet)\n${at}`;
  if (row.durationMs === 0) return `${head}\nNo consumer or follow-up message seen yet\n${at}`;
  return `${head}\nProduced → next message (no commit observation splits queue and processing)\n${at}`;
}
