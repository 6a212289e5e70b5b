/**
 * How deeply a JSON text nests, counted without parsing, so a producer's 20,000-level document is shown as
 * text instead of being parsed into a value that every later step (identity rules, the API's
 * JSON.stringify, the browser's renderer) would have to walk recursively until its stack overflows.
 */

/** Documents nested deeper than this are not parsed; real event payloads nest a handful of levels. */
export const MAX_JSON_DEPTH = 64;

/** True when `text`'s brackets, outside strings, never nest deeper than `max`. */
export function jsonDepthWithin(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return false;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return true;
}
