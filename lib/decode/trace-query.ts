import { parseB3Single } from "./b3";
import { parseTraceparent } from "./traceparent";
import { isLowerHex, toTraceId } from "./trace-id";

/** What a person pasted into the trace search box, normalised to the index's trace id form. */
export interface TraceQuery {
  /**
   * "trace-id": a 32-hex id; "traceparent": a whole W3C header; "b3": a 16-hex B3 id or a whole `b3` header;
   * "other": anything else, most likely a correlation id or message id to look up as is.
   */
  kind: "trace-id" | "traceparent" | "b3" | "other";
  /** 32 lowercase hex, or null for "other". */
  traceId: string | null;
  /** The input without surrounding whitespace, for non-trace lookups (correlation id, message id). */
  raw: string;
}

/**
 * Reads any trace reference a user might paste. Unlike header parsing this accepts uppercase hex: people
 * copy ids out of logs and UIs that print them in capitals, and case carries no meaning in an id.
 */
export function parseTraceQuery(input: string): TraceQuery {
  const raw = input.trim();
  const lower = raw.toLowerCase();

  const traceparent = parseTraceparent(lower);
  if (traceparent) return { kind: "traceparent", traceId: traceparent.traceId, raw };
  if (isLowerHex(lower, 32)) return withId("trace-id", toTraceId(lower), raw);
  if (isLowerHex(lower, 16)) return withId("b3", toTraceId(lower), raw);
  const b3 = parseB3Single(lower);
  if (b3) return { kind: "b3", traceId: b3.traceId, raw };
  return { kind: "other", traceId: null, raw };
}

// An all-zero id has the right shape but names no trace: treat it as an ordinary search term.
function withId(kind: TraceQuery["kind"], traceId: string | null, raw: string): TraceQuery {
  return traceId === null ? { kind: "other", traceId: null, raw } : { kind, traceId, raw };
}
