import { formatClock } from "@/components/events/format";
import type { Theme } from "@/components/ui/use-theme";

/**
 * Series colours per theme. recharts writes colours into SVG attributes, where our CSS variables do not
 * apply, so the chart picks from these by the current theme. Same hues as the design tokens.
 */
export const chartPalette: Record<Theme, { series: string[]; other: string; grid: string; axis: string }> = {
  light: {
    series: ["#4f46e5", "#0891b2", "#d97706", "#16a34a", "#db2777"],
    other: "#94a3b8",
    grid: "#e5e8ec",
    axis: "#5b6676",
  },
  dark: {
    series: ["#8b85ff", "#22d3ee", "#fbbf24", "#4ade80", "#f472b6"],
    other: "#64748b",
    grid: "#232c38",
    axis: "#9aa7b6",
  },
};

/** Props of an x axis of times (ms since epoch), labelled as clock times, in the theme's axis colour. */
export const timeAxisProps = (axis: string) => ({
  dataKey: "at",
  type: "number" as const,
  scale: "time" as const,
  domain: ["dataMin", "dataMax"],
  tickFormatter: formatClock,
  stroke: axis,
  tick: { fontSize: 11, fill: axis },
});
