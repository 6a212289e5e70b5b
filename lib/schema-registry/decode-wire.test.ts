import { describe, expect, it } from "vitest";
import { decodeWireValue, wireJson } from "./decode-wire";
import type { CompiledSchema, SchemaLookup } from "./schema-lookup";

const user: CompiledSchema = {
  id: 7,
  format: "avro",
  subject: "users-value",
  version: 2,
  decode: (body) => ({ userId: new TextDecoder().decode(body) }),
};

function lookup(found: Record<number, CompiledSchema | { failure: string }>): SchemaLookup {
  return { lookup: (id) => found[id], prepare: () => null };
}

const framed = (id: number, body: string) =>
  new Uint8Array([0, 0, 0, 0, id, ...new TextEncoder().encode(body)]);

describe("decoding wire-format values with fetched schemas", () => {
  it("shows the decoded value as JSON with the schema's id, subject and version", () => {
    const decoded = decodeWireValue(framed(7, "u-1"), lookup({ 7: user }), 1024);
    expect(decoded?.payload).toMatchObject({
      kind: "json",
      json: { userId: "u-1" },
      size: 8,
      truncated: false,
      schema: { id: 7, format: "avro", subject: "users-value", version: 2 },
    });
    expect(decoded?.json?.value).toEqual({ userId: "u-1" });
  });

  it("shows bytes with 'not decoded' and the registry's reason when the schema is missing", () => {
    const decoded = decodeWireValue(
      framed(9, "x"),
      lookup({ 9: { failure: "schema 9 is not in the registry" } }),
      1024,
    );
    expect(decoded?.payload).toMatchObject({
      kind: "binary",
      text: "0000000009" + "78",
      notDecoded: "schema 9 is not in the registry",
    });
    expect(decoded?.json).toBeNull();
  });

  it("says which schema could not read the bytes when decoding throws", () => {
    const broken: CompiledSchema = {
      ...user,
      decode: () => {
        throw new Error("truncated buffer");
      },
    };
    const decoded = decodeWireValue(framed(7, "x"), lookup({ 7: broken }), 1024);
    expect(decoded?.payload.notDecoded).toBe("avro schema 7 cannot read it (truncated buffer)");
  });

  it("leaves values that are not in the wire format to the plain decoders", () => {
    expect(decodeWireValue(new TextEncoder().encode('{"a":1}'), lookup({}), 1024)).toBeNull();
  });

  it("keeps only the first part of a decoded value larger than the cap, as text", () => {
    const decoded = decodeWireValue(framed(7, "a".repeat(100)), lookup({ 7: user }), 20);
    expect(decoded?.payload).toMatchObject({ kind: "json", truncated: true, text: '{"userId":"aaaaaaaaa' });
    expect(decoded?.payload.json).toBeUndefined();
  });

  it("gives the identity rules the decoded value, and nothing for a schema that is missing", () => {
    expect(wireJson(framed(7, "u-2"), lookup({ 7: user }))).toEqual({ userId: "u-2" });
    expect(wireJson(framed(8, "u-2"), lookup({}))).toBeUndefined();
  });
});
