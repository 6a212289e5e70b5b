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

function sizeOf(p: StoredPayload): number {
  let n = 12 + (p.key?.length ?? 0) + (p.value?.length ?? 0);
  for (const h of p.headers) n += 8 + Buffer.byteLength(h.key) + (h.value?.length ?? 0);
  return n;
}

/**
 * The records' bytes back to back, uncompressed: built where the records are (the collector's thread) so
 * only one contiguous buffer crosses to the writer, never kafkajs' much larger fetch buffers.
 */
export function serializePayloads(payloads: readonly StoredPayload[]): Uint8Array {
  let total = 0;
  for (const p of payloads) total += sizeOf(p);
  // Its own memory (not Node's shared pool), so it can be transferred to the writer thread.
  const buf = Buffer.allocUnsafeSlow(total);
  let at = 0;
  const bytes = (b: Uint8Array | null) => {
    if (b === null) {
      at = buf.writeInt32LE(-1, at);
      return;
    }
    at = buf.writeInt32LE(b.length, at);
    buf.set(b, at);
    at += b.length;
  };
  for (const p of payloads) {
    bytes(p.key);
    bytes(p.value);
    at = buf.writeUInt32LE(p.headers.length, at);
    for (const h of p.headers) {
      const keyLength = buf.write(h.key, at + 4, "utf8");
      buf.writeUInt32LE(keyLength, at);
      at += 4 + keyLength;
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
