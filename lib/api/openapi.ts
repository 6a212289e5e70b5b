/**
 * The OpenAPI 3.1 document of the REST API, generated from the same route contracts the server parses
 * requests with (JSON Schema 2020-12, which OpenAPI 3.1 uses, via zod's own converter).
 */
import { z } from "zod";
import { type AnyRouteContract, defineRoute, pathParamNames, typedResponse } from "@/lib/api/contract";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  // "any" keeps one unrepresentable field (a transform's output) from failing the whole document.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function parameters(contract: AnyRouteContract): JsonSchema[] {
  const path = jsonSchema(contract.params, "input");
  const query = jsonSchema(contract.query, "input");
  const props = (s: JsonSchema) => (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((query.required ?? []) as string[]);
  return [
    ...pathParamNames(contract.path).map((name) => ({
      name,
      in: "path",
      required: true,
      schema: props(path)[name] ?? { type: "string" },
    })),
    ...Object.entries(props(query)).map(([name, schema]) => ({
      name,
      in: "query",
      required: required.has(name),
      schema,
    })),
  ];
}

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
    },
  },
};

function operation(contract: AnyRouteContract): JsonSchema {
  const response = contract.response.schema
    ? { schema: jsonSchema(contract.response.schema as z.ZodType, "output") }
    : {};
  return {
    summary: contract.summary,
    ...(contract.access === "admin"
      ? { description: "Needs a signed-in admin session (cookie from sign-in) and a same-origin request." }
      : {}),
    parameters: parameters(contract),
    ...(contract.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(contract.body as z.ZodType, "input") } },
          },
        }
      : {}),
    responses: {
      "200": { description: contract.response.description, content: { "application/json": response } },
      default: {
        description: "An error: bad_request, unauthorized, forbidden, not_found, conflict, unavailable, …",
        content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } },
      },
    },
  };
}

/** `/api/lag/:group` → `/api/lag/{group}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z]\w*)/g, "{$1}");

export function openApiDocument(routes: readonly AnyRouteContract[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const contract of routes)
    (paths[openApiPath(contract.path)] ??= {})[contract.method.toLowerCase()] = operation(contract);
  return {
    openapi: "3.1.0",
    info: {
      title: "Eventscope API",
      version,
      description:
        "Consumer lag, traces, events, flows, dead letters, re-drives and alerts of a Kafka cluster.",
    },
    paths,
    components: { schemas: { ApiError: errorSchema } },
  };
}

export const openApiRoute = defineRoute({
  method: "GET",
  path: "/api/openapi.json",
  summary: "This OpenAPI 3.1 document",
  response: typedResponse<JsonSchema>("The document"),
});
