/**
 * The value parsed as JSON, at most once and only if an identity rule asks (a CloudEvent in structured mode,
 * a payload id fallback): most records carry their ids in headers and never pay for a parse.
 */
import { decodeUtf8 } from "@/lib/decode/bytes";

// Plain text is common on Kafka; checking the first character avoids a thrown SyntaxError on most of it.
const JSON_START = /^[\s]*[{["\-0-9tfn]/;

export function lazyJson(bytes: Uint8Array | null): () => unknown {
  let parsed = false;
  let value: unknown;
  return () => {
    if (!parsed) {
      parsed = true;
      value = parseJson(bytes);
    }
    return value;
  };
}

function parseJson(bytes: Uint8Array | null): unknown {
  if (bytes === null || bytes.length === 0) return undefined;
  const text = decodeUtf8(bytes);
  if (text === null || !JSON_START.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Deeply nested or malformed JSON is simply not JSON for the identity rules.
    return undefined;
  }
}
