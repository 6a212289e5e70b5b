import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { API_ROUTES } from "@/lib/api/routes";

const doc = openApiDocument(API_ROUTES, "1.2.3") as {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, Record<string, unknown>>>;
};
const op = (path: string, method: string) => doc.paths[path]?.[method] ?? {};

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with the server's version", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.version).toBe("1.2.3");
  });

  it("writes path params in OpenAPI's {name} form and documents each", () => {
    expect(op("/api/dlq/{topic}/messages/{partition}/{offset}", "get").parameters).toEqual([
      { name: "topic", in: "path", required: true, schema: { type: "string" } },
      { name: "partition", in: "path", required: true, schema: { type: "string" } },
      { name: "offset", in: "path", required: true, schema: { type: "string" } },
    ]);
  });

  it("documents query fields with the limits the server enforces", () => {
    const limit = (op("/api/events", "get").parameters as { name: string; schema: unknown }[]).find(
      (p) => p.name === "limit",
    );
    expect(limit?.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 1000, default: 100 });
  });

  it("documents request bodies and response schemas from the same zod schemas", () => {
    const put = op("/api/alerts/rules/{id}", "put") as {
      requestBody: { content: { "application/json": { schema: { properties: object } } } };
    };
    expect(Object.keys(put.requestBody.content["application/json"].schema.properties)).toEqual(
      expect.arrayContaining(["kind", "threshold", "forSeconds"]),
    );
    expect(JSON.stringify(op("/api/lag", "get").responses)).toContain('"totalLag"');
  });
});
