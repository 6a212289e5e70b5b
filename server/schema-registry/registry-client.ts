/**
 * Reads schemas from a Confluent-compatible registry's REST API (Confluent Schema Registry, Apicurio's
 * /apis/ccompat/v7, Redpanda, Karapace): the schema text and type by id, and a subject and version that
 * registered it, and the schemas it references. Every request is bounded by a timeout; a failure is a RegistryError whose message says
 * what a person can do about it, never the credentials.
 */
import type { SchemaRegistryConfig } from "@/server/config";
import { fetchReferenced } from "@/server/schema-registry/references";

export class RegistryError extends Error {}

/** `GET /schemas/ids/{id}`; schemaType is absent for Avro, as in Confluent's own answers. */
export interface FetchedSchema {
  schema: string;
  schemaType: string;
  /** The texts of the schemas it references, dependencies first (see references.ts). */
  referenced: string[];
  subject: string | null;
  version: number | null;
}

export interface RegistryClient {
  fetchSchema(id: number): Promise<FetchedSchema>;
}

export function createRegistryClient(config: SchemaRegistryConfig): RegistryClient {
  const headers: Record<string, string> = {
    accept: "application/vnd.schemaregistry.v1+json, application/json",
  };
  if (config.username !== null && config.password !== null) {
    headers.authorization = `Basic ${Buffer.from(`${config.username}:${config.password}`).toString("base64")}`;
  }
  const where = new URL(config.url).host;

  async function get(path: string): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${config.url}${path}`, { headers, signal: AbortSignal.timeout(config.timeoutMs) });
    } catch (error) {
      const why = error instanceof Error && error.name === "TimeoutError" ? "timed out" : "is unreachable";
      throw new RegistryError(`the schema registry at ${where} ${why}`);
    }
    if (res.status === 401 || res.status === 403)
      throw new RegistryError(
        `the schema registry at ${where} refused access (HTTP ${res.status}): check its credentials`,
      );
    if (!res.ok)
      throw new RegistryError(`the schema registry at ${where} answered HTTP ${res.status}`, {
        cause: res.status,
      });
    return res.json();
  }

  return {
    async fetchSchema(id) {
      let found: unknown;
      try {
        found = await get(`/schemas/ids/${id}`);
      } catch (error) {
        if (error instanceof RegistryError && error.cause === 404)
          throw new RegistryError(`schema ${id} is not in the schema registry at ${where}`);
        throw error;
      }
      const body = found as { schema?: unknown; schemaType?: unknown; references?: unknown };
      if (typeof body.schema !== "string")
        throw new RegistryError(`the schema registry's answer for schema ${id} has no schema`);
      // Which subject and version: a nicety for the person reading; the schema decodes without it.
      const versions = (await get(`/schemas/ids/${id}/versions`).catch(() => [])) as {
        subject?: unknown;
        version?: unknown;
      }[];
      const first = Array.isArray(versions) ? versions[0] : undefined;
      return {
        schema: body.schema,
        schemaType: typeof body.schemaType === "string" ? body.schemaType : "AVRO",
        referenced: await fetchReferenced(body.references, (subject, version) =>
          get(`/subjects/${encodeURIComponent(subject)}/versions/${version}`),
        ),
        subject: typeof first?.subject === "string" ? first.subject : null,
        version: typeof first?.version === "number" ? first.version : null,
      };
    },
  };
}
