/**
 * A real Alertmanager (Debian's `prometheus-alertmanager`) for integration tests: started on a free port
 * with a generated config and a temporary storage directory, no clustering, killed and cleaned up by
 * `stop()`. `alerts()` is Alertmanager's own `GET /api/v2/alerts`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { constants } from "node:fs";
import { access, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eventually } from "@/server/test-support/eventually";

export const ALERTMANAGER_BIN = process.env.ALERTMANAGER_BIN ?? "/usr/bin/prometheus-alertmanager";

export interface AmAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  status: { state: "active" | "suppressed" | "unprocessed" };
}

export interface RunningAlertmanager {
  url: string;
  /** Alerts Alertmanager holds that match every label given (exact match). */
  alerts(labels: Record<string, string>): Promise<AmAlert[]>;
  stop(): Promise<void>;
}

const CONFIG = `route:
  receiver: "none"
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: "none"
`;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startAlertmanager(): Promise<RunningAlertmanager> {
  await access(ALERTMANAGER_BIN, constants.X_OK).catch(() => {
    throw new Error(
      `${ALERTMANAGER_BIN} not found: install Debian's Alertmanager (apt-get install -y prometheus-alertmanager)`,
    );
  });
  const dir = await mkdtemp(join(tmpdir(), "eventscope-am-"));
  const configFile = join(dir, "alertmanager.yml");
  await writeFile(configFile, CONFIG);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child: ChildProcess = spawn(
    ALERTMANAGER_BIN,
    [
      `--config.file=${configFile}`,
      `--storage.path=${join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // An empty address turns clustering (gossip on port 9094) off.
      "--cluster.listen-address=",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.on("error", (error) => (output += `\n${error.message}`));
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`alertmanager exited: ${output}`);
        return (await fetch(`${url}/-/ready`)).ok ? true : undefined;
      },
      20_000,
      "Alertmanager to be ready",
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return {
    url,
    async alerts(labels) {
      const filter = Object.entries(labels)
        .map(([k, v]) => `filter=${encodeURIComponent(`${k}="${v}"`)}`)
        .join("&");
      const res = await fetch(`${url}/api/v2/alerts?${filter}`);
      if (!res.ok) throw new Error(`Alertmanager GET /api/v2/alerts: HTTP ${res.status}`);
      return (await res.json()) as AmAlert[];
    },
    stop,
  };
}
