/** Starts server-process.ts as a child and talks to it: its URL, its memory and collector status, stop. */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CollectorStatus } from "@/server/collector/collector-state";
import { nodeMemoryFlags } from "@/server/memory-budget";
import { track } from "./children";

export interface ServerStats {
  rss: number;
  /** The highest RSS the process has had so far, as the OS counts it (0 where the OS does not say). */
  peakRss: number;
  heapUsed: number;
  heapTotal: number;
  /** Memory of Buffers and other objects outside V8's heap (Kafka fetch responses, payloads). */
  external: number;
  /** The event loop's longest delay since the previous stats (a GC pause, a long task), in ms. */
  loopDelayMaxMs: number;
  collector: CollectorStatus;
}

export interface ServerChild {
  url: string;
  pid: number;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "server-process.ts");

export async function startServerChild(
  brokers: string[],
  env: Record<string, string> = {},
): Promise<ServerChild> {
  // EVENTSCOPE_BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server process there, to find where
  // a missed target's time goes (open it in Chrome DevTools' Performance panel).
  const profileDir = process.env.EVENTSCOPE_BENCH_CPU_PROF;
  const profileArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  // A fresh, empty store per server: nothing read by an earlier benchmark is counted again.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "eventscope-bench-"));
  const childEnv = {
    ...process.env,
    KAFKA_BROKERS: brokers.join(","),
    // A fresh client id: a fresh collector group, reading from now − lookback.
    KAFKA_CLIENT_ID: `bench-${randomUUID().slice(0, 8)}`,
    EVENTSCOPE_LOG_LEVEL: "silent",
    EVENTSCOPE_DATA_DIR: dataDir,
    ...env,
  };
  // The heap limits `npm start` gives the server for its EVENTSCOPE_MEMORY_MB, so its memory is measured
  // as users run it.
  const nodeArgs = [...nodeMemoryFlags(childEnv), ...profileArgs];
  const child: ChildProcess = track(
    spawn(process.execPath, [...nodeArgs, "--import", "tsx", entry], {
      stdio: ["ignore", "pipe", "inherit", "ipc"],
      env: childEnv,
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once("exit", (code) =>
      reject(new Error(`the server process exited with ${code} before listening`)),
    );
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    pid: child.pid ?? 0,
    stats: () =>
      new Promise<ServerStats>((resolve) => {
        child.once("message", (m) => resolve(m as ServerStats));
        child.send("stats");
      }),
    async stop() {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
