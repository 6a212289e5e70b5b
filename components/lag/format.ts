/** Display formatting of lag figures: one place, so the table, the badges and the charts agree. */
import type { LagGroupSummary } from "@/lib/api/lag";

const integer = new Intl.NumberFormat("en-US");

/** An int64 decimal string (offsets, lags) with thousands separators; "—" when unknown. */
export function formatCount(value: string | null): string {
  if (value === null) return "—";
  return /^\d+$/.test(value) ? integer.format(BigInt(value)) : value;
}

/** A duration in seconds, at the precision a person needs: 4.2 s, 42 s, 3 m 05 s, 2 h 03 m, 3 d 04 h. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  if (seconds < 10) return `${seconds === 0 ? "0" : seconds.toFixed(1)} s`;
  const s = Math.round(seconds);
  const pad = (n: number) => String(n).padStart(2, "0");
  if (s < 60) return `${s} s`;
  if (s < 3_600) return `${Math.floor(s / 60)} m ${pad(s % 60)} s`;
  if (s < 86_400) return `${Math.floor(s / 3_600)} h ${pad(Math.floor((s % 3_600) / 60))} m`;
  return `${Math.floor(s / 86_400)} d ${pad(Math.floor((s % 86_400) / 3_600))} h`;
}

/** Time to drain: "caught up" with no lag, "never" while falling behind, "—" when unknown. */
export function formatDrain(drain: LagGroupSummary["timeToDrainSeconds"]): string {
  if (drain === null) return "—";
  if (drain === "never") return "never";
  if (drain === 0) return "caught up";
  return `~${formatSeconds(drain)}`;
}

export function formatRate(perSec: number | null): string {
  if (perSec === null) return "—";
  if (perSec === 0) return "0/s";
  return perSec < 10 ? `${perSec.toFixed(1)}/s` : `${integer.format(Math.round(perSec))}/s`;
}

/** Compact axis labels: 950, 1.2k, 34k, 1.5M. */
export function formatCompact(value: number): string {
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/**
 * Tick labels for a time axis whose top tick is `top`: 45 s, 2.5 m, 20 m, 3 h, in one unit for the whole
 * axis, never "100 s" under "2.5 m".
 */
export function secondsAxisFormatter(top: number): (seconds: number) => string {
  const trim = (n: number) => String(Number(n.toFixed(1)));
  if (top < 120) return (s) => `${trim(s)} s`;
  if (top < 7_200) return (s) => `${trim(s / 60)} m`;
  return (s) => `${trim(s / 3_600)} h`;
}
