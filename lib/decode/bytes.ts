/**
 * Byte helpers shared by header and payload decoding. Browser-safe on purpose (no Buffer): lib/ also runs
 * in the UI.
 */

// `fatal: true` makes invalid UTF-8 throw instead of turning into U+FFFD, which is how we tell text from
// binary without ever showing mojibake. `ignoreBOM: true` keeps a leading BOM so text round-trips exactly.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

const HEX_DIGITS = "0123456789abcdef";

/** The bytes as a string when they are valid UTF-8, else null. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Lowercase hex of the first `maxBytes` bytes (all of them by default). */
export function toHex(bytes: Uint8Array, maxBytes = bytes.length): string {
  const end = Math.min(bytes.length, Math.max(0, maxBytes));
  let out = "";
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] ?? 0;
    out += HEX_DIGITS[byte >> 4]! + HEX_DIGITS[byte & 0x0f]!;
  }
  return out;
}

/**
 * The largest prefix length ≤ `maxBytes` that does not cut a UTF-8 sequence in half, so a truncated text
 * still decodes cleanly. Assumes `bytes` is valid UTF-8.
 */
export function utf8PrefixLength(bytes: Uint8Array, maxBytes: number): number {
  let end = Math.min(bytes.length, Math.max(0, maxBytes));
  // Continuation bytes look like 10xxxxxx: step back until `end` sits on the start of a character.
  while (end > 0 && end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return end;
}

/**
 * Number of bytes a string takes as UTF-8 (header keys arrive as strings but count as bytes on the wire).
 * Counted from the UTF-16 code units, without encoding: this runs for every header of every record.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A high surrogate followed by a low one is one 4-byte character; a lone surrogate encodes as U+FFFD (3).
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
