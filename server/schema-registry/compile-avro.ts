/** An Avro schema → a decoder of its binary encoding (avsc, which reads Node Buffers, hence server-side). */
import avro from "avsc";

const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Avro longs are 64-bit; avsc's own long type refuses values beyond 2^53 (the record would not decode).
 * Read them exactly instead: a number while it is safe, else a bigint (shown as its decimal string).
 */
const exactLong = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer) => {
    const n = buf.readBigInt64LE();
    return n <= SAFE_MAX && n >= -SAFE_MAX ? Number(n) : n;
  },
  toBuffer: (n: number | bigint) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(BigInt(n));
    return buf;
  },
  fromJSON: (json: number | string) => BigInt(json),
  toJSON: (n: number | bigint) => Number(n),
  isValid: (n: unknown) => typeof n === "bigint" || Number.isSafeInteger(n),
  compare: (a: number | bigint, b: number | bigint) => (a === b ? 0 : a < b ? -1 : 1),
});

/** `referenced`: the named types it uses from other subjects, dependencies first. */
export function compileAvro(
  schema: string,
  referenced: readonly string[] = [],
): (body: Uint8Array) => unknown {
  // One registry of named types: each referenced schema defines its types in it for those after it.
  const registry: Record<string, avro.Type> = { long: exactLong };
  for (const text of referenced) avro.Type.forSchema(JSON.parse(text) as avro.Schema, { registry });
  const type = avro.Type.forSchema(JSON.parse(schema) as avro.Schema, { registry });
  // fromBuffer rejects trailing bytes too, so a value written with another schema is not half-read.
  return (body) => type.fromBuffer(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}
