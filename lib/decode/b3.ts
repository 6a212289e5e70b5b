import { isSpanId, toTraceId } from "./trace-id";

/** Ids carried by B3 headers (https://github.com/openzipkin/b3-propagation). */
export interface B3Context {
  /** 32 lowercase hex: 64-bit ids are left-padded with zeros. */
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  /** null when the sender deferred the decision. */
  sampled: boolean | null;
  /** "d" in the single header, `X-B3-Flags: 1` in the multi headers; debug implies sampled. */
  debug: boolean;
}

/** The raw X-B3-* header values of a message. */
export interface B3MultiHeaders {
  traceId: string | null;
  spanId: string | null;
  parentSpanId?: string | null;
  sampled?: string | null;
  flags?: string | null;
}

/**
 * Parses the single `b3` header: `{traceId}-{spanId}[-{sampling}[-{parentSpanId}]]`. Returns null when the
 * header carries no ids: a bare sampling decision (`0`, `1`, `d`) or a malformed value.
 */
export function parseB3Single(value: string): B3Context | null {
  const [trace, span, sampling, parent, ...extra] = value.split("-");
  if (trace === undefined || span === undefined || extra.length > 0) return null;
  const traceId = toTraceId(trace);
  if (traceId === null || !isSpanId(span)) return null;
  // The spec only allows a parent id after a sampling state.
  if (sampling !== undefined && sampling !== "0" && sampling !== "1" && sampling !== "d") return null;
  if (parent !== undefined && !isSpanId(parent)) return null;
  return {
    traceId,
    spanId: span,
    parentSpanId: parent ?? null,
    sampled: sampling === undefined ? null : sampling !== "0",
    debug: sampling === "d",
  };
}

/**
 * Parses the multi-header form. X-B3-TraceId and X-B3-SpanId are both required by the spec; without a valid
 * pair the headers are ignored. An invalid optional parent id is dropped rather than voiding the ids.
 */
export function parseB3Multi(headers: B3MultiHeaders): B3Context | null {
  if (headers.traceId === null || headers.spanId === null) return null;
  const traceId = toTraceId(headers.traceId);
  if (traceId === null || !isSpanId(headers.spanId)) return null;
  const parent = headers.parentSpanId ?? null;
  const debug = headers.flags === "1";
  return {
    traceId,
    spanId: headers.spanId,
    parentSpanId: parent !== null && isSpanId(parent) ? parent : null,
    sampled: debug ? true : parseSampled(headers.sampled ?? null),
    debug,
  };
}

// "true"/"false" are what early B3 implementations sent; the spec asks receivers to accept them.
function parseSampled(value: string | null): boolean | null {
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  return null;
}
