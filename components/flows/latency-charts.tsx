"use client";

import { Bar, BarChart, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { EdgeLatencyDetail } from "@/lib/api/flow-latency";
import { formatClock } from "@/components/events/format";
import { chartPalette, timeAxisProps } from "@/components/flows/chart-palette";
import { formatDuration } from "@/components/traces/trace-format";
import { useTheme } from "@/components/ui/use-theme";

const tick = (fill: string) => ({ fontSize: 10, fill });
const tooltipStyle = { background: "var(--surface)", border: "1px solid var(--border)", fontSize: 12 };

/** Messages per latency bar (bars are 1 % sketch bins joined, so the x axis reads like a log scale). */
export function LatencyHistogram({ bars }: { bars: EdgeLatencyDetail["histogram"] }) {
  const colours = chartPalette[useTheme()];
  const data = bars.map((b) => ({ label: formatDuration(b.to), count: b.count }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
        <XAxis dataKey="label" tick={tick(colours.axis)} stroke={colours.axis} minTickGap={16} />
        <YAxis width={32} tick={tick(colours.axis)} stroke={colours.axis} allowDecimals={false} />
        <Tooltip contentStyle={tooltipStyle} formatter={(n) => [String(n), "messages"]} />
        <Bar dataKey="count" fill={colours.series[0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** p50 and p99 per minute over the hour before the window's end. */
export function LatencyOverTime({ points }: { points: EdgeLatencyDetail["overTime"] }) {
  const colours = chartPalette[useTheme()];
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
        <XAxis {...timeAxisProps(colours.axis)} minTickGap={30} />
        <YAxis
          width={44}
          tick={tick(colours.axis)}
          stroke={colours.axis}
          tickFormatter={(v: number) => formatDuration(v)}
        />
        <Tooltip
          contentStyle={tooltipStyle}
          labelFormatter={(v) => formatClock(Number(v))}
          formatter={(v) => formatDuration(Number(v))}
        />
        <Line dataKey="p50" stroke={colours.series[1]} dot={false} isAnimationActive={false} />
        <Line dataKey="p99" stroke={colours.series[2]} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
