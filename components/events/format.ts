/** Display formatting for events and rates: one place, so every panel writes numbers the same way. */

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Local wall-clock time with milliseconds: events a few ms apart must stay distinguishable. */
export function formatEventTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Messages per second, with precision where it matters (0.1/s and 120/s both read well). */
export function formatRate(perSec: number): string {
  if (perSec === 0) return "0/s";
  if (perSec < 10) return `${perSec.toFixed(1)}/s`;
  return `${Math.round(perSec).toLocaleString("en-US")}/s`;
}

/** The first 8 hex chars identify a trace among recent ones, like Jaeger's short ids. */
export const shortTraceId = (traceId: string) => traceId.slice(0, 8);

/** Lowercase hex as a dump: byte pairs separated by spaces, 16 bytes a line. */
export function formatHexDump(hex: string): string {
  const pairs = hex.match(/.{1,2}/g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += 16) lines.push(pairs.slice(i, i + 16).join(" "));
  return lines.join("\n");
}

/** Full local date and time with milliseconds, plus the zone offset so a screenshot is unambiguous. */
export function formatFullTimestamp(ms: number): string {
  const d = new Date(ms);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatEventTime(ms)} (UTC${zone})`;
}
