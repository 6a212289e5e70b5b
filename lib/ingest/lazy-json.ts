/**
 * The value parsed as JSON, at most once and only if an identity rule asks (a CloudEvent in structured mode,
 * a payload id fallback): most records carry their ids in headers and never pay for a parse.
 */
import { decodeUtf8 } from "@/lib/decode/bytes";
import { parseJson } from "@/lib/decode/payload";

export function lazyJson(bytes: Uint8Array | null): () => unknown {
  let parsed = false;
  let value: unknown;
  return () => {
    if (!parsed) {
      parsed = true;
      const text = bytes === null || bytes.length === 0 ? null : decodeUtf8(bytes);
      value = text === null ? undefined : parseJson(text)?.value;
    }
    return value;
  };
}
