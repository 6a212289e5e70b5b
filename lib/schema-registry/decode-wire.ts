/**
 * Decodes a key or value in the schema registry's wire format with a schema the server has already
 * fetched. A value whose schema is missing, or that its schema cannot read, is shown as bytes with the
 * reason — a person still sees the record, and the page never breaks on it.
 */
import { toHex, utf8PrefixLength } from "@/lib/decode/bytes";
import type { DecodedValue } from "@/lib/decode/payload";
import type { DecodedPayload } from "@/lib/model/event";
import { toPlainJson } from "@/lib/schema-registry/plain-json";
import type { CompiledSchema, SchemaLookup } from "@/lib/schema-registry/schema-lookup";
import { readWireFrame } from "@/lib/schema-registry/wire-format";

const utf8 = new TextEncoder();

type WireRead = { value: unknown; schema: CompiledSchema } | { reason: string };

/** The decoded value of wire-format bytes, or why it could not be decoded; null when not wire format. */
function readWire(bytes: Uint8Array | null, schemas: SchemaLookup): WireRead | null {
  const frame = readWireFrame(bytes);
  if (frame === null) return null;
  const found = schemas.lookup(frame.schemaId);
  if (found === undefined) return { reason: `schema ${frame.schemaId} was not fetched` };
  if ("failure" in found) return { reason: found.failure };
  try {
    return { value: toPlainJson(found.decode(frame.body)), schema: found };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { reason: `${found.format} schema ${found.id} cannot read it (${why})` };
  }
}

/** For display: null when the bytes are not in the wire format (the plain decoders handle them). */
export function decodeWireValue(
  bytes: Uint8Array | null,
  schemas: SchemaLookup,
  capBytes: number,
): DecodedValue | null {
  const read = readWire(bytes, schemas);
  if (bytes === null || read === null) return null;
  if ("reason" in read) return notDecoded(bytes, capBytes, read.reason);
  return {
    payload: decodedPayload(read.value, bytes.length, capBytes, read.schema),
    json: { value: read.value },
  };
}

/** For the identity rules: the decoded value, or undefined when there is none. */
export function wireJson(bytes: Uint8Array | null, schemas: SchemaLookup): unknown {
  const read = readWire(bytes, schemas);
  return read !== null && "value" in read ? read.value : undefined;
}

function decodedPayload(
  value: unknown,
  size: number,
  capBytes: number,
  schema: CompiledSchema,
): DecodedPayload {
  const { id, format, subject, version } = schema;
  const info = { id, format, subject, version };
  const text = JSON.stringify(value);
  const encoded = utf8.encode(text);
  if (encoded.length <= capBytes)
    return { kind: "json", json: value, text, size, truncated: false, schema: info };
  // Too big to ship whole: its first part as text, like a large JSON value.
  const shown = new TextDecoder().decode(encoded.subarray(0, utf8PrefixLength(encoded, capBytes)));
  return { kind: "json", text: shown, size, truncated: true, schema: info };
}

function notDecoded(bytes: Uint8Array, capBytes: number, reason: string): DecodedValue {
  const shownBytes = Math.floor(Math.max(0, capBytes) / 2);
  return {
    payload: {
      kind: "binary",
      text: toHex(bytes, shownBytes),
      size: bytes.length,
      truncated: bytes.length > shownBytes,
      notDecoded: reason,
    },
    json: null,
  };
}
