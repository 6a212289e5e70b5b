/** The schema registry Eventscope decodes wire-format records with, when EVENTSCOPE_SCHEMA_REGISTRY_URL is set. */
import type { SchemaLookup } from "@/lib/schema-registry/schema-lookup";
import type { Config } from "@/server/config";
import type { Logger } from "@/server/logger";
import { SchemaCache } from "@/server/schema-registry/schema-cache";
import { createRegistryClient } from "@/server/schema-registry/registry-client";

export function schemaRegistryFor(config: Config, log: Logger): SchemaLookup | undefined {
  const registry = config.schemaRegistry;
  if (!registry) return undefined;
  log.info({ registry: new URL(registry.url).host }, "decoding wire-format records with the schema registry");
  return new SchemaCache(
    createRegistryClient(registry),
    registry.cacheBytes,
    log.child({ component: "schema-registry" }),
  );
}
