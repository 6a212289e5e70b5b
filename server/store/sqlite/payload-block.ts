/**
 * Payloads are stored in blocks: every record of one write, serialised back to back and deflated together.
 * Records of one stream look alike, so a block compresses several times better than records one by one,
 * and one deflate per write costs far less than one per record. Opening an event inflates its block.
 *
 * Layout per record: key, value (each i32 length, -1 for null, then bytes), header count (u32), then per
 * header: key (u32 length + UTF-8) and value (i32 length or -1, then bytes).
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { StoredPayload } from "@/server/store/event-store";

/** Level 1: most of the ratio for a fraction of the CPU of the default level. */
const LEVEL = 1;

/** Header names repeat on every record: their UTF-8 bytes are kept (at most 4,096 names of ≤ 256 bytes). */
const headerNames = new Map<string, Uint8Array>();
const MAX_HEADER_NAMES = 4_096;
const MAX_HEADER_NAME_BYTES = 256;

function headerName(key: string): Uint8Array {
  let bytes = headerNames.get(key);
  if (bytes === undefined) {
    bytes = Buffer.from(key, "utf8");
    if (headerNames.size < MAX_HEADER_NAMES && bytes.length <= MAX_HEADER_NAME_BYTES)
      headerNames.set(key, bytes);
  }
  return bytes;
}

function sizeOf(p: StoredPayload): number {
  let n = 12 + (p.key?.length ?? 0) + (p.value?.length ?? 0);
  for (const h of p.headers) n += 8 + headerName(h.key).length + (h.value?.length ?? 0);
  return n;
}

/**
 * The records' bytes back to back, uncompressed: built where the records are (the collector's thread) so
 * only one contiguous buffer crosses to the writer, never kafkajs' much larger fetch buffers. Most parts
 * are a few bytes (ids, header names): those are copied by a loop, as a native copy costs more to call
 * than to run on them.
 */
export function serializePayloads(payloads: readonly StoredPayload[]): Uint8Array {
  let total = 0;
  for (const p of payloads) total += sizeOf(p);
  // Its own memory (not Node's shared pool), so it can be transferred to the writer thread.
  const buf = Buffer.allocUnsafeSlow(total);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let at = 0;
  const copy = (b: Uint8Array) => {
    if (b.length > 64) buf.set(b, at);
    else for (let i = 0; i < b.length; i++) buf[at + i] = b[i]!;
    at += b.length;
  };
  const bytes = (b: Uint8Array | null) => {
    view.setInt32(at, b === null ? -1 : b.length, true);
    at += 4;
    if (b !== null) copy(b);
  };
  for (const p of payloads) {
    bytes(p.key);
    bytes(p.value);
    view.setUint32(at, p.headers.length, true);
    at += 4;
    for (const h of p.headers) {
      const name = headerName(h.key);
      view.setUint32(at, name.length, true);
      at += 4;
      copy(name);
      bytes(h.value);
    }
  }
  return buf.subarray(0, at);
}

export function compressBlock(serialized: Uint8Array): Buffer {
  return deflateRawSync(serialized, { level: LEVEL });
}

/** The payload at `index` of a block, or null when the block is shorter (it never is for a block we wrote). */
export function decodeBlockEntry(block: Uint8Array, index: number): StoredPayload | null {
  const buf = inflateRawSync(block);
  let at = 0;
  const bytes = (): Uint8Array | null => {
    const length = buf.readInt32LE(at);
    at += 4;
    if (length < 0) return null;
    const out = Uint8Array.prototype.slice.call(buf, at, at + length);
    at += length;
    return out;
  };
  for (let i = 0; at < buf.length; i++) {
    const key = bytes();
    const value = bytes();
    const count = buf.readUInt32LE(at);
    at += 4;
    const headers: StoredPayload["headers"] = [];
    for (let j = 0; j < count; j++) {
      const keyLength = buf.readUInt32LE(at);
      const name = buf.toString("utf8", at + 4, at + 4 + keyLength);
      at += 4 + keyLength;
      headers.push({ key: name, value: bytes() });
    }
    if (i === index) return { key, value, headers };
  }
  return null;
}
