/** The short text a summary keeps of a key or value: enough to recognise a message in a list or search. */
import { decodeUtf8, toHex, utf8PrefixLength } from "@/lib/decode/bytes";
import { SUMMARY_PREVIEW_CHARS } from "@/lib/model/event";

// UTF-8 takes at most 4 bytes per character: this many bytes always hold SUMMARY_PREVIEW_CHARS characters.
const PREVIEW_BYTES = SUMMARY_PREVIEW_CHARS * 4;

/**
 * The start of the bytes as text when that start is valid UTF-8, else as hex; never longer than
 * SUMMARY_PREVIEW_CHARS. Only the first few hundred bytes are looked at, so a 5 MB value costs what a
 * small one does.
 */
export function previewBytes(bytes: Uint8Array | null): string {
  if (bytes === null || bytes.length === 0) return "";
  const head = bytes.subarray(0, utf8PrefixLength(bytes, PREVIEW_BYTES));
  const text = decodeUtf8(head);
  if (text !== null) return text.length > SUMMARY_PREVIEW_CHARS ? text.slice(0, SUMMARY_PREVIEW_CHARS) : text;
  return toHex(bytes, SUMMARY_PREVIEW_CHARS / 2);
}
