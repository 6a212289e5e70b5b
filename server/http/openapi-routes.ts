/** `GET /api/openapi.json`: the OpenAPI 3.1 document of every JSON route, built once from the contracts. */
import { openApiDocument, openApiRoute } from "@/lib/api/openapi";
import { API_ROUTES } from "@/lib/api/routes";
import type { Feature } from "@/server/feature";

export const openApiFeature: Feature = {
  name: "openapi",
  start({ router, version }) {
    const document = openApiDocument(API_ROUTES, version);
    router.route(openApiRoute, () => document);
    return { stop: async () => undefined };
  },
};
