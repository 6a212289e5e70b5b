/**
 * Display formatting for traces: durations on a trace's time axis, "started 3 min ago", and how a pasted
 * search term was recognised. Pure, so every rule here is unit tested.
 */
import type { TraceResponse } from "@/lib/api/traces";

const trim = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/**
 * A duration as a person reads it: "0 ms", "850 ms", "1.25 s", "12.3 s", "2m 05s", "1h 02m". Precision
 * shrinks as the value grows, so neighbouring values on one axis stay short and comparable.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1) return ms === 0 ? "0 ms" : `${trim(ms, 2)} ms`;
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  const s = ms / 1_000;
  if (s < 10) return `${trim(s, 2)} s`;
  if (s < 60) return `${trim(s, 1)} s`;
  const totalSec = Math.round(s);
  if (totalSec < 3_600) return `${Math.floor(totalSec / 60)}m ${String(totalSec % 60).padStart(2, "0")}s`;
  const totalMin = Math.round(totalSec / 60);
  return `${Math.floor(totalMin / 60)}h ${String(totalMin % 60).padStart(2, "0")}m`;
}

/** "just now", "42 s ago", "3 min ago", "5 h ago", "2 d ago"; future times (clock skew) read "just now". */
export function formatRelativeTime(at: number, now: number): string {
  const s = Math.floor((now - at) / 1_000);
  if (s < 5) return "just now";
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

const termLabel: Record<TraceResponse["query"]["kind"], string> = {
  "trace-id": "trace id",
  traceparent: "traceparent",
  b3: "B3 trace id",
  other: "search term",
};

const matchLabel: Record<TraceResponse["query"]["matchedBy"], string> = {
  "trace-id": "trace id",
  "correlation-id": "correlation id",
  "message-id": "message id",
};

/** The header's "matched by" note: what the pasted term was and how the trace was found by it. */
export function matchedByNote(query: TraceResponse["query"]): string {
  const found = `found by ${matchLabel[query.matchedBy]}`;
  if (query.kind === "other" || (query.kind === "trace-id" && query.matchedBy === "trace-id")) return found;
  if (query.kind === "b3" && query.matchedBy === "trace-id") return `${found} (B3 id, padded to 32 hex)`;
  return `${found} (from a ${termLabel[query.kind]})`;
}

/** Shown for ids in tables and headings: the first 8 hex chars identify a trace among recent ones. */
export const shortId = (id: string): string => (id.length > 12 ? `${id.slice(0, 8)}…` : id);
