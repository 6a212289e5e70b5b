/**
 * Eventscope's server in this process, wired as main.ts wires it (without the Next UI), on a random port.
 * Each start gets its own client id, so its collector joins a fresh consumer group and reads from
 * now − lookback instead of where an earlier run stopped.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Collector } from "@/server/collector/collector";
import type { FeatureSet } from "@/server/compose";
import { loadConfig } from "@/server/config";
import { startTestApp, type TestApp } from "@/server/test-support/app";

export interface Pipeline {
  app: TestApp;
  collector: Collector;
  /** Stops the server and deletes its store. */
  close(): Promise<void>;
}

export async function startPipeline(
  brokers: string[],
  env: Record<string, string> = {},
  features?: FeatureSet,
): Promise<Pipeline> {
  // A fresh, empty store per start: nothing read by an earlier run is counted again.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "eventscope-bench-"));
  const config = loadConfig({
    KAFKA_BROKERS: brokers.join(","),
    KAFKA_CLIENT_ID: `bench-${randomUUID().slice(0, 8)}`,
    EVENTSCOPE_LOG_LEVEL: "silent",
    EVENTSCOPE_DATA_DIR: dataDir,
    ...env,
  });
  const app = await startTestApp(config, features);
  const collector = app.services.pipeline?.collector;
  if (!collector) throw new Error("the server started without a collector");
  return {
    app,
    collector,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
