/** An Avro schema → a decoder of its binary encoding (avsc, which reads Node Buffers, hence server-side). */
import avro from "avsc";

export function compileAvro(schema: string): (body: Uint8Array) => unknown {
  const type = avro.Type.forSchema(JSON.parse(schema) as avro.Schema);
  // fromBuffer rejects trailing bytes too, so a value written with another schema is not half-read.
  return (body) => type.fromBuffer(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}
