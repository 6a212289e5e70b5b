/**
 * The demo shop's side of a Confluent-compatible schema registry: register a schema under a subject (the
 * registry answers the same id for a schema it already holds) and read one back by id.
 */
export type SchemaType = "AVRO" | "PROTOBUF" | "JSON";

const CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

export async function registerSchema(
  registryUrl: string,
  subject: string,
  schema: string,
  schemaType: SchemaType = "AVRO",
): Promise<number> {
  const res = await fetch(`${registryUrl}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: "POST",
    headers: { "content-type": CONTENT_TYPE },
    body: JSON.stringify(schemaType === "AVRO" ? { schema } : { schema, schemaType }),
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
