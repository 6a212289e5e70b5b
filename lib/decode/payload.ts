import type { DecodedPayload } from "@/lib/model/event";

import { decodeUtf8, toHex, utf8PrefixLength } from "./bytes";
import { jsonDepthWithin } from "./json-depth";

/** A payload for display plus, when the value was JSON, the parsed value for the identity rules. */
export interface DecodedValue {
  payload: DecodedPayload;
  /** The parsed JSON even when the display copy was truncated (ids may sit anywhere in the document). */
  json: { value: unknown } | null;
}

/**
 * Decodes a key or value for display: "empty" for no bytes, "json" for UTF-8 that parses as JSON, "text" for
 * other UTF-8, else "binary" shown as hex. `capBytes` bounds what is kept: text keeps its first `capBytes`
 * bytes (cut on a character boundary), hex its first `capBytes / 2` bytes so the hex stays within the cap
 * too; a truncated JSON value keeps only its text, as a half document cannot be parsed.
 */
export function decodeValue(bytes: Uint8Array | null, capBytes: number): DecodedValue {
  const size = bytes?.length ?? 0;
  if (bytes === null || size === 0) {
    return { payload: { kind: "empty", text: "", size: 0, truncated: false }, json: null };
  }
  const cap = Number.isNaN(capBytes) ? 0 : Math.max(0, capBytes);
  const text = decodeUtf8(bytes);
  if (text === null) {
    const shownBytes = Math.floor(cap / 2);
    return {
      payload: { kind: "binary", text: toHex(bytes, shownBytes), size, truncated: size > shownBytes },
      json: null,
    };
  }
  const json = parseJson(text);
  const truncated = size > cap;
  const shown = truncated ? (decodeUtf8(bytes.subarray(0, utf8PrefixLength(bytes, cap))) ?? "") : text;
  if (json === null) return { payload: { kind: "text", text: shown, size, truncated }, json };
  const payload: DecodedPayload = truncated
    ? { kind: "json", text: shown, size, truncated }
    : { kind: "json", json: json.value, text, size, truncated };
  return { payload, json };
}

/** Just the display form of a key or value. */
export function decodePayload(bytes: Uint8Array | null, capBytes: number): DecodedPayload {
  return decodeValue(bytes, capBytes).payload;
}

// Plain text is common on Kafka; checking the first character avoids paying for a thrown SyntaxError on
// every non-JSON record.
const JSON_START = /^[\s]*[{["\-0-9tfn]/;

/** The parsed value of JSON text, or null for text that is not JSON (or nests too deep to handle safely). */
export function parseJson(text: string): { value: unknown } | null {
  // Too deep to be walked safely downstream: shown as text.
  if (!JSON_START.test(text) || !jsonDepthWithin(text)) return null;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}
