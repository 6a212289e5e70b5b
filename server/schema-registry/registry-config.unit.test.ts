import { describe, expect, it } from "vitest";
import { loadConfig } from "@/server/config";
import { configProblems } from "@/server/test-support/config";

const problems = configProblems;

describe("schema registry settings", () => {
  it("decodes nothing through a registry unless EVENTSCOPE_SCHEMA_REGISTRY_URL is set", () => {
    expect(loadConfig({}).schemaRegistry).toBeNull();
  });

  it("reads the URL (without a trailing slash), basic auth, timeout and cache budget", () => {
    const config = loadConfig({
      EVENTSCOPE_SCHEMA_REGISTRY_URL: "http://registry.internal:8081/apis/ccompat/v7/",
      EVENTSCOPE_SCHEMA_REGISTRY_USERNAME: "reader",
      EVENTSCOPE_SCHEMA_REGISTRY_PASSWORD: "s3cret-value",
      EVENTSCOPE_SCHEMA_REGISTRY_TIMEOUT: "500ms",
      EVENTSCOPE_SCHEMA_CACHE_MB: "8",
    });
    expect(config.schemaRegistry).toEqual({
      url: "http://registry.internal:8081/apis/ccompat/v7",
      username: "reader",
      password: "s3cret-value",
      timeoutMs: 500,
      cacheBytes: 8 * 1024 * 1024,
    });
  });

  it("refuses basic auth with only one half, without printing the password", () => {
    const found = problems({
      EVENTSCOPE_SCHEMA_REGISTRY_URL: "https://registry.example",
      EVENTSCOPE_SCHEMA_REGISTRY_PASSWORD: "s3cret-value",
    });
    expect(found).toEqual([expect.stringMatching(/^EVENTSCOPE_SCHEMA_REGISTRY_USERNAME \/ _PASSWORD:/)]);
    expect(found.join(" ")).not.toContain("s3cret-value");
  });

  it("refuses a registry URL that is not http(s)", () => {
    expect(problems({ EVENTSCOPE_SCHEMA_REGISTRY_URL: "registry:8081" })).toEqual([
      expect.stringMatching(/^EVENTSCOPE_SCHEMA_REGISTRY_URL:/),
    ]);
  });
});
