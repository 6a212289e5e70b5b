/**
 * The Confluent wire format that Avro, Protobuf and JSON Schema serializers write: magic byte 0, the
 * schema's registry id as a 4-byte big-endian integer, then the encoded body. Protobuf bodies start with
 * the path of the message type inside the schema file (the "message indexes") before the message itself.
 */
export interface WireFrame {
  schemaId: number;
  body: Uint8Array;
}

const MAGIC = 0;
const HEADER_BYTES = 5;

/** The schema id and body of a value in the wire format, or null for any other value. */
export function readWireFrame(bytes: Uint8Array | null): WireFrame | null {
  if (bytes === null || bytes.length < HEADER_BYTES || bytes[0] !== MAGIC) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  return { schemaId: view.getUint32(1), body: bytes.subarray(HEADER_BYTES) };
}

/** A message type deeper than this inside one .proto file is not a real schema. */
const MAX_INDEXES = 64;

/**
 * Reads the message indexes in front of a Protobuf body: a count, then that many indexes, each a
 * zig-zag varint; the first message of the file (the common case) is written as the single byte 0.
 * `[1, 0]` means "the first message nested in the file's second top-level message".
 */
export function readMessageIndexes(body: Uint8Array): { indexes: number[]; message: Uint8Array } {
  let pos = 0;
  const next = (): number => {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (pos >= body.length) throw new Error("the message indexes end early");
      const byte = body[pos++]!;
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return (result >>> 1) ^ -(result & 1);
    }
    throw new Error("a message index is longer than 5 bytes");
  };
  const count = next();
  if (count === 0) return { indexes: [0], message: body.subarray(pos) };
  if (count < 0 || count > MAX_INDEXES) throw new Error(`${count} message indexes is not a valid path`);
  const indexes: number[] = [];
  for (let i = 0; i < count; i++) {
    const index = next();
    if (index < 0) throw new Error(`message index ${index} is negative`);
    indexes.push(index);
  }
  return { indexes, message: body.subarray(pos) };
}

/** Frames an encoded body the way Confluent serializers do (producers: the demo shop and tests). */
export function writeWireFrame(schemaId: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + body.length);
  new DataView(out.buffer).setUint32(1, schemaId);
  out.set(body, HEADER_BYTES);
  return out;
}
