import type { HeaderValue } from "@/lib/model/event";

import { decodeUtf8, toHex } from "./bytes";

/**
 * One header value as a person should see it: the UTF-8 text when the bytes are valid UTF-8, else the bytes
 * as lowercase hex. Never a lossy decode: a replacement character would hide what was really sent.
 * A null value (Kafka allows headers without a value) stays null.
 */
export function decodeHeaderValue(bytes: Uint8Array | null): HeaderValue | null {
  if (bytes === null) return null;
  const text = decodeUtf8(bytes);
  return text === null ? { text: toHex(bytes), encoding: "hex" } : { text, encoding: "utf8" };
}
