/** Tiny builders for dead-letter tests: headers as real producers write them, bytes spelt out in hex. */
import type { RawHeader } from "@/lib/model/raw-record";
import type { DeadLetterRecord } from "./types";

/** "00 00 00 03" → the four bytes 0x00 0x00 0x00 0x03. */
export function bytes(hex: string): Uint8Array {
  const pairs = hex.split(/\s+/).filter(Boolean);
  return Uint8Array.from(pairs, (p) => parseInt(p, 16));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A header whose value is UTF-8 text, or raw bytes. */
export function header(key: string, value: string | Uint8Array | null): RawHeader {
  return { key, value: typeof value === "string" ? utf8(value) : value };
}

export function letter(topic: string, headers: RawHeader[], offset = "42"): DeadLetterRecord {
  return { topic, partition: 0, offset, timestamp: "1700000100000", headers };
}

export function text(value: Uint8Array | null): string | null {
  return value === null ? null : new TextDecoder().decode(value);
}
