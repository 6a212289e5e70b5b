/**
 * The demo shop's side of a Confluent-compatible schema registry: register a schema under a subject (the
 * registry answers the same id for a schema it already holds) and read one back by id.
 */
export type SchemaType = "AVRO" | "PROTOBUF" | "JSON";

/** A schema this one is built from: an Avro named type or a .proto import, kept under another subject. */
export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

const CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

export async function registerSchema(
  registryUrl: string,
  subject: string,
  schema: string,
  schemaType: SchemaType = "AVRO",
  references: readonly SchemaReference[] = [],
): Promise<number> {
  const res = await fetch(`${registryUrl}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: "POST",
    headers: { "content-type": CONTENT_TYPE },
    body: JSON.stringify({
      schema,
      ...(schemaType === "AVRO" ? {} : { schemaType }),
      ...(references.length > 0 ? { references } : {}),
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`registering ${subject} failed: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

export async function fetchSchemaText(registryUrl: string, id: number): Promise<string> {
  const res = await fetch(`${registryUrl}/schemas/ids/${id}`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`schema ${id}: HTTP ${res.status}`);
  return ((await res.json()) as { schema: string }).schema;
}
