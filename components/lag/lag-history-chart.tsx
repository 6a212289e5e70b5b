"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatClock } from "@/components/events/format";
import { chartPalette } from "@/components/flows/chart-palette";
import { axisTicks, type HistoryChart, maxValue } from "@/components/lag/history-rows";
import { useTheme } from "@/components/ui/use-theme";

const tooltipStyle = {
  background: "var(--surface)",
  border: "1px solid var(--border)",
  borderRadius: 6,
  fontSize: 12,
  color: "var(--text)",
};

/** One line per topic over the last hour. No animation: a chart that tweens on every poll flickers. */
export function LagHistoryChart({
  chart,
  formatValue,
  tickFormat,
}: {
  chart: HistoryChart;
  formatValue: (value: number) => string;
  /** The tick label format for an axis whose highest tick is `top` (one unit per axis). */
  tickFormat: (top: number) => (value: number) => string;
}) {
  const colours = chartPalette[useTheme()];
  const names = new Map(chart.series.map((s) => [s.key, s.topic]));
  const ticks = axisTicks(maxValue(chart));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={chart.rows} margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={colours.grid} vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={formatClock}
          stroke={colours.axis}
          tick={{ fontSize: 11, fill: colours.axis }}
          tickLine={false}
          minTickGap={48}
        />
        <YAxis
          width={52}
          domain={[0, ticks.at(-1) ?? 1]}
          ticks={ticks}
          interval={0}
          stroke={colours.axis}
          tick={{ fontSize: 11, fill: colours.axis }}
          tickLine={false}
          axisLine={false}
          tickFormatter={tickFormat(ticks.at(-1) ?? 1)}
        />
        <Tooltip
          isAnimationActive={false}
          contentStyle={tooltipStyle}
          labelStyle={{ color: "var(--text-muted)" }}
          labelFormatter={(t) => formatClock(Number(t))}
          formatter={(value, key) => [
            value === null || value === undefined ? "unknown" : formatValue(Number(value)),
            names.get(String(key)) ?? String(key),
          ]}
        />
        <Legend
          iconType="plainline"
          iconSize={12}
          wrapperStyle={{ fontSize: 11.5, paddingTop: 2 }}
          formatter={(key) => (
            <span style={{ color: "var(--text-muted)" }}>{names.get(String(key)) ?? key}</span>
          )}
        />
        {chart.series.map(({ key, folded }, i) => (
          <Line
            key={key}
            dataKey={key}
            type="linear"
            dot={false}
            connectNulls
            strokeWidth={1.75}
            stroke={folded ? colours.other : colours.series[i % colours.series.length]}
            strokeDasharray={folded ? "4 3" : undefined}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
