import { decodeUtf8, toHex } from "./bytes";

/**
 * Reads an Axon Framework header (`axon-message-*`, `axon-metadata-*`) as id text. Axon's Kafka extension
 * writes strings as UTF-8 but numbers and instants as raw big-endian bytes (short: 2, int/float: 4,
 * long/double/Instant epoch millis: 8). Bytes that are clean text stay text; otherwise a 2/4/8-byte value is
 * read as a signed big-endian integer, because ids and timestamps are integers (a float would need type
 * information the header does not carry). Anything else falls back to hex, never to mojibake.
 */
export function axonHeaderText(bytes: Uint8Array): string | null {
  const text = decodeUtf8(bytes);
  if (text !== null && !hasControlCharacters(text)) {
    const trimmed = text.trim();
    return trimmed === "" ? null : trimmed;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (bytes.byteLength) {
    case 8:
      return view.getBigInt64(0, false).toString();
    case 4:
      return String(view.getInt32(0, false));
    case 2:
      return String(view.getInt16(0, false));
    default:
      return bytes.byteLength === 0 ? null : toHex(bytes);
  }
}

// A small number such as 42 as a long is `00 00 00 00 00 00 00 2a`: valid UTF-8, but made of control
// characters. Real text ids never contain C0 controls (tabs and newlines aside) or DEL.
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}
