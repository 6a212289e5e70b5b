/** A fetched schema → the compiled decoder the record decoders look up by id. */
import type { CompiledSchema } from "@/lib/schema-registry/schema-lookup";
import { compileAvro } from "@/server/schema-registry/compile-avro";
import { compileJsonSchema } from "@/server/schema-registry/compile-json-schema";
import { compileProtobuf } from "@/server/schema-registry/compile-protobuf";
import type { FetchedSchema } from "@/server/schema-registry/registry-client";

const compilers = { AVRO: compileAvro, PROTOBUF: compileProtobuf, JSON: compileJsonSchema } as const;
const formats = { AVRO: "avro", PROTOBUF: "protobuf", JSON: "json" } as const;

export function compileSchema(id: number, fetched: FetchedSchema): CompiledSchema {
  const type = fetched.schemaType.toUpperCase();
  if (!Object.hasOwn(compilers, type))
    throw new Error(`schema ${id} is of type ${fetched.schemaType}, which is not decoded`);
  const kind = type as keyof typeof compilers;
  let decode: (body: Uint8Array) => unknown;
  try {
    decode = compilers[kind](fetched.schema, fetched.referenced);
  } catch (error) {
    throw new Error(
      `schema ${id} could not be read as ${formats[kind]} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return { id, format: formats[kind], subject: fetched.subject, version: fetched.version, decode };
}
