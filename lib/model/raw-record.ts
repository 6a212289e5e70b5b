/**
 * A Kafka record as it arrives, before decoding, in browser-safe types (kafkajs hands out Buffers, which
 * are Uint8Arrays, so they fit without copying). Headers are flattened into a list because a key may
 * repeat: kafkajs gives `Buffer | string | (Buffer | string)[]` per key.
 */
export interface RawHeader {
  key: string;
  value: Uint8Array | null;
}

export interface RawRecord {
  topic: string;
  partition: number;
  /** int64 as a decimal string, as kafkajs gives it. */
  offset: string;
  /** ms since epoch, as a decimal string (kafkajs) or a number. */
  timestamp: string | number;
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: RawHeader[];
}

/** The header shape kafkajs uses on both produce and consume. */
export type KafkaHeaderInput = Record<string, Uint8Array | string | (Uint8Array | string)[] | undefined>;

const utf8 = new TextEncoder();

function toBytes(value: Uint8Array | string): Uint8Array {
  return typeof value === "string" ? utf8.encode(value) : value;
}

/** Flattens kafkajs headers into an ordered list, expanding repeated keys in the order they arrived. */
export function flattenHeaders(headers: KafkaHeaderInput | undefined): RawHeader[] {
  const out: RawHeader[] = [];
  if (!headers) return out;
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) {
      out.push({ key, value: null });
    } else if (Array.isArray(value)) {
      for (const item of value) out.push({ key, value: toBytes(item) });
    } else {
      out.push({ key, value: toBytes(value) });
    }
  }
  return out;
}
