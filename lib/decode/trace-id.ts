/**
 * Shape checks for trace and span ids. W3C and B3 both require *lowercase* hex on the wire, so the header
 * parsers use the strict checks; only places that read ids typed by people (search box) or written by
 * application code (payload fields, correlation ids) lowercase first.
 */

const LOWER_HEX = /^[0-9a-f]+$/;
const ZERO_PAD = "0".repeat(16);

/** True when `text` is exactly `length` lowercase hex characters. */
export function isLowerHex(text: string, length: number): boolean {
  return text.length === length && LOWER_HEX.test(text);
}

/** True for ids made only of zeros, which W3C and B3 define as invalid. */
export function isAllZero(id: string): boolean {
  return /^0+$/.test(id);
}

/** A valid 16-hex span id (lowercase, not all zero). */
export function isSpanId(text: string): boolean {
  return isLowerHex(text, 16) && !isAllZero(text);
}

/**
 * A 16- or 32-hex lowercase trace id in its 32-hex form: 64-bit B3 ids are left-padded with 16 zeros so a
 * trace that crosses B3 and W3C services keeps one id. Null when the id is malformed or all zero.
 */
export function toTraceId(text: string): string | null {
  if (isAllZero(text)) return null;
  if (isLowerHex(text, 32)) return text;
  if (isLowerHex(text, 16)) return ZERO_PAD + text;
  return null;
}
