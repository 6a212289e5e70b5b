import { describe, expect, it } from "vitest";
import { startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";

describe("EVENTSCOPE_REDIS_URL naming a Redis that does not answer", () => {
  it("fails the start within seconds, saying which setting to fix", async () => {
    const started = Date.now();
    const config = testConfig({ EVENTSCOPE_REDIS_URL: "redis://127.0.0.1:1" });
    await expect(startTestApp(config, {})).rejects.toThrow(/EVENTSCOPE_REDIS_URL.*did not answer/);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
