/**
 * `npm start` as a user runs it: the built server (dist/server/main.js) under plain node, on a free port
 * with a throwaway store, must answer /api/health and serve the UI within a minute, with the V8 heap limit
 * its memory budget plans (so `npm start` passes the flags that keep RSS within the budget), then stop on
 * SIGTERM.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { HealthResponse } from "@/lib/api/health";
import { DEFAULT_MEMORY_MB, heapLimitFits, memoryPlan } from "@/server/memory-budget";
import { repoRoot } from "@/server/repo-root";

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * Waits until no process of the group is left: `npm` exits before the server it started has closed its
 * store, and removing the store's folder under a server still writing to it fails.
 */
async function groupGone(pgid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return; // ESRCH: the whole group has exited
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const port = await freePort();
const dataDir = mkdtempSync(path.join(tmpdir(), "eventscope-start-"));
const child = spawn("npm", ["start"], {
  cwd: repoRoot(),
  env: {
    ...process.env,
    EVENTSCOPE_PORT: String(port),
    EVENTSCOPE_DATA_DIR: dataDir,
    EVENTSCOPE_LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "inherit", "inherit"],
  detached: true,
});
let ok = false;
let heapProblem: string | null = null;
const deadline = Date.now() + 60_000;
while (Date.now() < deadline && child.exitCode === null) {
  try {
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    const page = await fetch(`http://127.0.0.1:${port}/flows`);
    if (health.ok && page.ok) {
      const { memory } = (await health.json()) as HealthResponse;
      if (!heapLimitFits(memory.heapLimitBytes, memoryPlan(DEFAULT_MEMORY_MB)))
        heapProblem = `its V8 heap limit is ${memory.heapLimitBytes} bytes, not the default budget's`;
      ok = heapProblem === null;
      break;
    }
  } catch {
    // Not listening yet.
  }
  await new Promise((r) => setTimeout(r, 500));
}
process.kill(-child.pid!, "SIGTERM");
await new Promise((r) => child.once("exit", r));
await groupGone(child.pid!, 20_000);
// Retried: a store closing at the last moment can still add a file while the folder is being removed.
rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
console.log(
  ok
    ? "npm start: the built server answered /api/health and /flows, within the default budget's heap limit"
    : `npm start: ${heapProblem ?? "no answer within 60 s"}`,
);
process.exit(ok ? 0 : 1);
