/**
 * Eventscope's backend in a process of its own (spawned by server-child.ts), so a benchmark's load
 * generators and clients do not share its event loop. Configured by the environment like main.ts; prints
 * one JSON line `{"url": …}` when it listens, answers "stats" over IPC, and stops cleanly on SIGTERM.
 */
import { loadConfig } from "@/server/config";
import { startTestApp } from "@/server/test-support/app";

const app = await startTestApp(loadConfig());
const collector = app.services.pipeline?.collector;
if (!collector) throw new Error("the server started without a collector");
process.stdout.write(`${JSON.stringify({ url: app.url })}\n`);

process.on("message", (message) => {
  if (message !== "stats") return;
  const memory = process.memoryUsage();
  process.send?.({ rss: memory.rss, heapUsed: memory.heapUsed, collector: collector.status() });
});
process.on("SIGTERM", () => {
  void app.close().finally(() => process.exit(0));
});
