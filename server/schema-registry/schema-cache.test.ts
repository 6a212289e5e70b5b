/** The schema cache against the real registry: bounded by bytes, least recently used evicted first. */
import { describe, expect, it } from "vitest";
import { writeWireFrame } from "@/lib/schema-registry/wire-format";
import { loadConfig } from "@/server/config";
import { SchemaCache } from "@/server/schema-registry/schema-cache";
import { createRegistryClient } from "@/server/schema-registry/registry-client";
import { uniqueName } from "@/server/test-support/kafka";
import { registerTestSchema, testRegistryUrl } from "@/server/test-support/schema-registry";
import { testLogger } from "@/server/test-support/silent-logger";

const framedId = (id: number) => writeWireFrame(id, new Uint8Array([2, 0x61]));

async function registerRecords(count: number): Promise<number[]> {
  const run = uniqueName("cache");
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    // Each schema ~1 KB of text, so a few fit in a budget of 24 KB (schema text counts 8 bytes a character).
    const schema = { type: "record", name: `R${i}`, doc: `${run} ${"x".repeat(1_000)}`, fields: [] };
    ids.push(await registerTestSchema(`${run}-${i}-value`, JSON.stringify(schema)));
  }
  return ids;
}

describe("schema cache", () => {
  it("keeps its schemas within its byte budget, evicting the least recently used", async () => {
    const config = loadConfig({ EVENTSCOPE_SCHEMA_REGISTRY_URL: testRegistryUrl });
    const budget = 24 * 1024;
    const cache = new SchemaCache(createRegistryClient(config.schemaRegistry!), budget, testLogger());
    const ids = await registerRecords(6);

    await cache.prepare([framedId(ids[0]!)], "read");
    for (const id of ids.slice(1)) {
      expect(cache.lookup(ids[0]!), "the first schema, used before each fetch, stays").toHaveProperty(
        "decode",
      );
      await cache.prepare([framedId(id)], "read");
      expect(cache.sizeBytes).toBeLessThanOrEqual(budget);
    }
    expect(cache.lookup(ids[1]!), "the least recently used was evicted").toBeUndefined();
    expect(cache.lookup(ids[5]!)).toMatchObject({ id: ids[5], format: "avro" });
  });

  it("fetches a schema once however many records ask for it at the same time", async () => {
    const config = loadConfig({ EVENTSCOPE_SCHEMA_REGISTRY_URL: testRegistryUrl });
    let fetches = 0;
    const client = createRegistryClient(config.schemaRegistry!);
    const counting = { fetchSchema: (id: number) => (fetches++, client.fetchSchema(id)) };
    const cache = new SchemaCache(counting, 1024 * 1024, testLogger());
    const [id] = await registerRecords(1);
    await Promise.all([1, 2, 3].map(() => cache.prepare([framedId(id!), framedId(id!)], "ingest")));
    expect(fetches).toBe(1);
    expect(cache.prepare([framedId(id!)], "ingest"), "nothing left to wait for").toBeNull();
  });
});
