/**
 * The full dashboard (UI included) for the browser benchmark, as `npm start` runs it, on the bench's own
 * port and build folder (EVENTSCOPE_BENCH_PORT, default 3500; .next-bench) so it never collides with a
 * developer's demo or another checkout's e2e stack. Builds the UI first when its sources changed.
 * A smoke run serves the default build (.next) when it is fresh, since CI builds that just before.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded, buildIsStale } from "../../scripts/build-if-needed";
import { repoRoot } from "../../scripts/kafka/paths";
import { sleep } from "../support/stats";
import { track } from "../support/children";

export interface UiServer {
  url: string;
  stop(): Promise<void>;
}

/** The build to serve: EVENTSCOPE_DIST_DIR if set; in a smoke run a fresh default build (CI just made one). */
function chooseDistDir(smoke: boolean): string {
  if (process.env.EVENTSCOPE_DIST_DIR) return process.env.EVENTSCOPE_DIST_DIR;
  process.env.EVENTSCOPE_DIST_DIR = ".next";
  return smoke && !buildIsStale() ? ".next" : ".next-bench";
}

export async function startUiServer(
  brokers: string[],
  smoke: boolean,
  log: (line: string) => void,
): Promise<UiServer> {
  const distDir = chooseDistDir(smoke);
  const port = Number(process.env.EVENTSCOPE_BENCH_PORT ?? 3500);
  process.env.EVENTSCOPE_DIST_DIR = distDir;
  buildIfNeeded(log);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "eventscope-bench-ui-"));
  const child: ChildProcess = track(
    spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: repoRoot,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        KAFKA_BROKERS: brokers.join(","),
        EVENTSCOPE_PORT: String(port),
        EVENTSCOPE_DATA_DIR: dataDir,
        EVENTSCOPE_LOOKBACK: "1m",
        EVENTSCOPE_LOG_LEVEL: "warn",
      },
    }),
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const up = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) break;
    if (child.exitCode !== null)
      throw new Error(`the dashboard exited with ${child.exitCode} before answering`);
    if (Date.now() > deadline) throw new Error(`the dashboard did not answer on ${url} within 120 s`);
    await sleep(300);
  }
  return {
    url,
    async stop() {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
