/**
 * Eventscope's backend in a process of its own (spawned by server-child.ts), so a benchmark's load
 * generators and clients do not share its event loop. Configured by the environment like main.ts; prints
 * one JSON line `{"url": …}` when it listens, answers "stats" over IPC, and stops cleanly on SIGTERM.
 */
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { loadConfig } from "@/server/config";
import { startTestApp } from "@/server/test-support/app";

const app = await startTestApp(loadConfig());
const collector = app.services.pipeline?.collector;
if (!collector) throw new Error("the server started without a collector");
process.stdout.write(`${JSON.stringify({ url: app.url })}\n`);

/** VmHWM: the process's highest RSS so far, which samples taken now and then can miss. */
function peakRss(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}

/** How late the event loop ran its turns (GC pauses, long tasks), since the last "stats" question. */
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

process.on("message", (message) => {
  if (message !== "stats") return;
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const loopDelayMaxMs = loopDelay.max / 1e6;
  loopDelay.reset();
  process.send?.({
    rss,
    peakRss: peakRss(),
    heapUsed,
    heapTotal,
    external,
    loopDelayMaxMs,
    collector: collector.status(),
  });
});
process.on("SIGTERM", () => {
  void app.close().finally(() => process.exit(0));
});
