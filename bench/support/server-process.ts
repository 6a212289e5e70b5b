/**
 * Eventscope's backend in a process of its own (spawned by server-child.ts), so a benchmark's load
 * generators and clients do not share its event loop. Configured by the environment like main.ts; prints
 * one JSON line `{"url": …}` when it listens, answers "stats" over IPC, and stops cleanly on SIGTERM.
 */
import { loadConfig } from "@/server/config";
import { startTestApp } from "@/server/test-support/app";
import type { Collector } from "@/server/collector/collector";
import { REGISTRY } from "@/server/collector/collector-feature";

const app = await startTestApp(loadConfig());
const collector = app.context.registry.get(REGISTRY.collector) as Collector;
process.stdout.write(`${JSON.stringify({ url: app.url })}\n`);

process.on("message", (message) => {
  if (message !== "stats") return;
  const memory = process.memoryUsage();
  process.send?.({ rss: memory.rss, heapUsed: memory.heapUsed, collector: collector.status() });
});
process.on("SIGTERM", () => {
  void app.close().finally(() => process.exit(0));
});
