"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTheme } from "@/components/ui/use-theme";
import { formatClock, formatRate } from "@/components/events/format";
import { chartPalette, timeAxisProps } from "@/components/flows/chart-palette";
import type { ChartSeries } from "@/components/flows/throughput-series";

const tooltipStyle = {
  background: "var(--surface)",
  border: "1px solid var(--border)",
  borderRadius: 6,
  fontSize: 12,
  color: "var(--text)",
};

/** Messages/s per topic over the rolling window. No animation: a live chart that tweens every second flickers. */
export function ThroughputChart({ chart }: { chart: ChartSeries }) {
  const colours = chartPalette[useTheme()];
  const names = new Map(chart.keys.map((k) => [k.key, k.topic]));
  names.set("other", "other topics");
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={chart.rows} margin={{ top: 8, right: 14, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={colours.grid} vertical={false} />
        <XAxis {...timeAxisProps(colours.axis)} tickLine={false} minTickGap={40} />
        <YAxis
          width={44}
          stroke={colours.axis}
          tick={{ fontSize: 11, fill: colours.axis }}
          tickLine={false}
          axisLine={false}
          allowDecimals={false}
          tickFormatter={(v: number) => `${v}`}
        />
        <Tooltip
          isAnimationActive={false}
          contentStyle={tooltipStyle}
          labelStyle={{ color: "var(--text-muted)" }}
          labelFormatter={(at) => formatClock(Number(at))}
          formatter={(value, key) => [formatRate(Number(value)), names.get(String(key)) ?? String(key)]}
        />
        <Legend
          // Busiest first, "other" last: the order the series were picked in, not alphabetical.
          itemSorter={null}
          iconType="plainline"
          iconSize={12}
          wrapperStyle={{ fontSize: 11.5, paddingTop: 2 }}
          formatter={(key) => (
            <span style={{ color: "var(--text-muted)" }}>{names.get(String(key)) ?? key}</span>
          )}
        />
        {chart.keys.map(({ key }, i) => (
          <Line
            key={key}
            dataKey={key}
            type="monotone"
            dot={false}
            strokeWidth={1.75}
            stroke={colours.series[i % colours.series.length]}
            isAnimationActive={false}
          />
        ))}
        {chart.hasOther ? (
          <Line
            dataKey="other"
            type="monotone"
            dot={false}
            strokeWidth={1.5}
            strokeDasharray="4 3"
            stroke={colours.other}
            isAnimationActive={false}
          />
        ) : null}
      </LineChart>
    </ResponsiveContainer>
  );
}
