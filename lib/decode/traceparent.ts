import { isAllZero, isLowerHex } from "./trace-id";

/** A valid W3C `traceparent` (https://www.w3.org/TR/trace-context/#traceparent-header). */
export interface Traceparent {
  /** Two lowercase hex digits; never "ff". */
  version: string;
  /** 32 lowercase hex, not all zero. */
  traceId: string;
  /** 16 lowercase hex, not all zero: the span the message was sent from. */
  parentId: string;
  /** The trace-flags byte (0–255). */
  flags: number;
  /** Bit 0 of the flags. */
  sampled: boolean;
}

/** A traceparent together with the tracestate that travels with it. */
export interface W3CTraceContext extends Traceparent {
  tracestate: string | null;
}

// version(2) - trace-id(32) - parent-id(16) - flags(2): 55 characters in version 00.
const VERSION_00_LENGTH = 55;

/**
 * Parses a `traceparent` strictly; null when invalid (callers then ignore the whole header). Version 00
 * must be exactly 55 characters. A later version may append fields after the flags (separated by "-"):
 * only the first four are read, as the spec asks of parsers that meet a newer version.
 */
export function parseTraceparent(value: string): Traceparent | null {
  if (value.length < VERSION_00_LENGTH) return null;
  const version = value.slice(0, 2);
  if (!isLowerHex(version, 2) || version === "ff") return null;
  if (version === "00" && value.length !== VERSION_00_LENGTH) return null;
  if (value.length > VERSION_00_LENGTH && value[VERSION_00_LENGTH] !== "-") return null;
  if (value[2] !== "-" || value[35] !== "-" || value[52] !== "-") return null;

  const traceId = value.slice(3, 35);
  const parentId = value.slice(36, 52);
  const flagsHex = value.slice(53, 55);
  if (!isLowerHex(traceId, 32) || isAllZero(traceId)) return null;
  if (!isLowerHex(parentId, 16) || isAllZero(parentId)) return null;
  if (!isLowerHex(flagsHex, 2)) return null;

  const flags = parseInt(flagsHex, 16);
  return { version, traceId, parentId, flags, sampled: (flags & 1) === 1 };
}

/** The version-00 header form of a traceparent (what a producer would send). */
export function formatTraceparent(context: Pick<Traceparent, "traceId" | "parentId" | "flags">): string {
  const flags = context.flags.toString(16).padStart(2, "0");
  return `00-${context.traceId}-${context.parentId}-${flags}`;
}

/**
 * The W3C trace context of a message. `tracestate` is only meaningful alongside a valid traceparent, so it
 * is dropped (not returned) when the traceparent is missing or invalid.
 */
export function parseW3CTraceContext(
  traceparent: string | null,
  tracestate: string | null,
): W3CTraceContext | null {
  const parent = traceparent === null ? null : parseTraceparent(traceparent);
  return parent ? { ...parent, tracestate } : null;
}
