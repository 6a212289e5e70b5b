/**
 * A real Prometheus server for integration tests (Debian's `prometheus` package): started on a free port
 * with a generated scrape config, queried through its HTTP API, and killed when the test is done.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { eventually } from "@/server/test-support/eventually";

const BINARY = "/usr/bin/prometheus";

export interface PrometheusSample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface TestPrometheus {
  url: string;
  /** Runs an instant PromQL query; resolves with the result vector. */
  query(promql: string): Promise<PrometheusSample[]>;
  stop(): Promise<void>;
}

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

/** Starts Prometheus scraping `target` (host:port) every second at `/metrics`. */
export async function startPrometheus(target: string): Promise<TestPrometheus> {
  if (!existsSync(BINARY))
    throw new Error(
      `${BINARY} is missing: apt-get install -y prometheus (Debian's package; .ci/run installs it)`,
    );
  const dir = mkdtempSync(path.join(tmpdir(), "eventscope-prometheus-"));
  const config = path.join(dir, "prometheus.yml");
  writeFileSync(
    config,
    [
      "global:",
      "  scrape_interval: 1s",
      "  evaluation_interval: 1s",
      "scrape_configs:",
      "  - job_name: eventscope",
      "    metrics_path: /metrics",
      "    static_configs:",
      `      - targets: ["${target}"]`,
      "",
    ].join("\n"),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    BINARY,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Should the test process die first, Prometheus must not outlive it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    process.off("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(force);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error("exited");
        return (await fetch(`${url}/-/ready`)).ok ? true : undefined;
      },
      30_000,
      "Prometheus to be ready",
    );
  } catch (error) {
    await stop();
    throw new Error(`Prometheus did not start: ${String(error)}\n${log}`);
  }

  return {
    url,
    async query(promql) {
      const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = (await res.json()) as {
        status: string;
        error?: string;
        data?: { result: PrometheusSample[] };
      };
      if (body.status !== "success") throw new Error(`PromQL ${promql} failed: ${body.error ?? res.status}`);
      return body.data?.result ?? [];
    },
    stop,
  };
}
