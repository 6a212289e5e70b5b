/**
 * Avro through a schema registry, as a Confluent serializer does it: the schema is registered under the
 * topic's value subject once, each value is framed as magic byte 0 + the schema id + the Avro body, and a
 * reader looks the writer's schema up by the id in the frame (kept after the first look-up).
 */
import avro from "avsc";
import { readWireFrame, writeWireFrame } from "../../lib/schema-registry/wire-format";
import { fetchSchemaText, registerSchema } from "./schema-registry";

export interface AvroCodec {
  encode(value: unknown): Promise<Buffer>;
  /** The value a wire-format Avro record holds; throws when the bytes are not one. */
  decode(bytes: Buffer): Promise<unknown>;
}

export function avroCodec(registryUrl: string, subject: string, schema: object): AvroCodec {
  const type = avro.Type.forSchema(schema as avro.Schema);
  let id: Promise<number> | null = null;
  // Schema ids of one subject: a handful in a demo's life, so no eviction is needed.
  const writers = new Map<number, Promise<avro.Type>>();
  const writerType = (schemaId: number) => {
    let found = writers.get(schemaId);
    if (!found) {
      found = fetchSchemaText(registryUrl, schemaId).then((text) => avro.Type.forSchema(JSON.parse(text)));
      found.catch(() => writers.delete(schemaId)); // a registry hiccup is retried by the next record
      writers.set(schemaId, found);
    }
    return found;
  };
  return {
    async encode(value) {
      id ??= registerSchema(registryUrl, subject, JSON.stringify(schema));
      const schemaId = await id.catch((error: unknown) => {
        id = null;
        throw error;
      });
      return Buffer.from(writeWireFrame(schemaId, type.toBuffer(value)));
    },
    async decode(bytes) {
      const frame = readWireFrame(bytes);
      if (!frame) throw new Error("not in the schema registry's wire format");
      const writer = await writerType(frame.schemaId);
      return writer.fromBuffer(Buffer.from(frame.body.buffer, frame.body.byteOffset, frame.body.byteLength));
    },
  };
}
