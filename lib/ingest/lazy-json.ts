/**
 * The value as JSON, at most once and only if an identity rule asks (a CloudEvent in structured mode,
 * a payload id fallback): most records carry their ids in headers and never pay for a parse. A value in a
 * schema registry's wire format is decoded with its (already fetched) schema instead, so payload id paths
 * work on Avro, Protobuf and JSON Schema records as they do on plain JSON.
 */
import { decodeUtf8 } from "@/lib/decode/bytes";
import { parseJson } from "@/lib/decode/payload";
import { wireJson } from "@/lib/schema-registry/decode-wire";
import type { SchemaLookup } from "@/lib/schema-registry/schema-lookup";

export function lazyJson(bytes: Uint8Array | null, schemas?: SchemaLookup): () => unknown {
  let parsed = false;
  let value: unknown;
  return () => {
    if (!parsed) {
      parsed = true;
      value = schemas && bytes?.[0] === 0 ? wireJson(bytes, schemas) : plainJson(bytes);
    }
    return value;
  };
}

function plainJson(bytes: Uint8Array | null): unknown {
  const text = bytes === null || bytes.length === 0 ? null : decodeUtf8(bytes);
  return text === null ? undefined : parseJson(text)?.value;
}
