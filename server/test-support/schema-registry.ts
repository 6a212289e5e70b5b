/** The integration tests' schema registry (the embedded Apicurio Registry the global setup starts). */
import avro from "avsc";
import protobuf from "protobufjs";
import { registerSchema, type SchemaReference } from "@/demo/messaging/schema-registry";
import { writeWireFrame } from "@/lib/schema-registry/wire-format";
import { registryInstance, registryUrl } from "@/scripts/registry/paths";

export const testRegistryUrl = registryUrl(registryInstance());

/** Registers a schema under a subject no other test uses; returns its id. */
export function registerTestSchema(
  subject: string,
  schema: string,
  schemaType: "AVRO" | "PROTOBUF" | "JSON" = "AVRO",
  references: readonly SchemaReference[] = [],
): Promise<number> {
  return registerSchema(testRegistryUrl, subject, schema, schemaType, references);
}

/** Bytes as a Confluent serializer writes them. */
export const framed = (schemaId: number, body: Uint8Array): Buffer =>
  Buffer.from(writeWireFrame(schemaId, body));

/** A value encoded with an Avro schema, framed. */
export function avroBytes(schema: object, id: number, value: unknown): Buffer {
  return framed(id, avro.Type.forSchema(schema as avro.Schema).toBuffer(value));
}

/** An Avro long by hand (zig-zag, then 7 bits a byte, low bits first), for values avsc will not write. */
export function avroLong(n: bigint): number[] {
  let z = n >= 0n ? n << 1n : (-n << 1n) - 1n;
  const out: number[] = [];
  do {
    out.push(Number(z & 0x7fn) | (z > 0x7fn ? 0x80 : 0));
    z >>= 7n;
  } while (z > 0n);
  return out;
}

/** A Protobuf message of `type` from `source`, framed with the message indexes that name it. */
export function protoBytes(
  id: number,
  source: string,
  type: string,
  indexes: number[],
  value: object,
): Buffer {
  const message = protobuf.parse(source).root.lookupType(type);
  const body = message.encode(message.fromObject(value)).finish();
  // Message indexes: zig-zag varints, a count then the path; the file's first message is the single byte 0.
  const path =
    indexes.length === 1 && indexes[0] === 0 ? [0] : [indexes.length, ...indexes].map((n) => n * 2);
  return framed(id, new Uint8Array([...path, ...body]));
}
