"use client";

import { Area, AreaChart, YAxis } from "recharts";
import type { GroupStatusValue, TrendPoint } from "@/lib/api/lag";
import { formatCompact } from "@/components/lag/format";
import styles from "@/components/lag/lag.module.css";

const WIDTH = 132;
const HEIGHT = 28;

/**
 * Total lag over the last 15 minutes, coloured by status through CSS (so it follows the theme). Fixed
 * size and no animation: rows never move and a live update never tweens.
 */
export function LagSparkline({ trend, status }: { trend: TrendPoint[]; status: GroupStatusValue | null }) {
  const [first, last] = [trend[0], trend.at(-1)];
  const peak = trend.reduce((max, p) => Math.max(max, p.lag), 0);
  const minutes = first && last ? Math.max(1, Math.round((last.t - first.t) / 60_000)) : 0;
  const label =
    trend.length < 2
      ? "Not enough history for a trend yet"
      : `Total lag over the last ${minutes} min: now ${formatCompact(last?.lag ?? 0)}, peak ${formatCompact(peak)}`;
  return (
    <span
      className={styles.spark}
      data-status={status ?? "unknown"}
      role="img"
      aria-label={label}
      title={label}
    >
      {trend.length >= 2 ? (
        <AreaChart
          width={WIDTH}
          height={HEIGHT}
          data={trend}
          margin={{ top: 2, right: 1, bottom: 1, left: 1 }}
        >
          <YAxis hide domain={[0, (max: number) => Math.max(1, max)]} />
          <Area dataKey="lag" type="monotone" strokeWidth={1.5} isAnimationActive={false} dot={false} />
        </AreaChart>
      ) : null}
    </span>
  );
}
