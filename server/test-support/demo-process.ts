/**
 * Runs `npm run demo` (scripts/demo.ts) as a real child process on free ports against a given broker, for
 * tests of what a user sees from the command: start-up, Ctrl-C, exit.
 */
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** True while something accepts connections on the port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export interface DemoProcess {
  child: ChildProcess;
  dashboardPort: number;
  gatewayPort: number;
  /** Everything it printed so far (for failure messages). */
  output(): string;
  /** Resolves with the time from now until the process exits. */
  exitWithin(): Promise<number>;
}

export async function startDemo(brokers: string, args: string[] = []): Promise<DemoProcess> {
  const dashboardPort = await freePort();
  const gatewayPort = await freePort();
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/demo.ts",
      "--port",
      String(dashboardPort),
      "--gateway-port",
      String(gatewayPort),
      ...args,
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, KAFKA_BROKERS: brokers, EVENTSCOPE_LOG_LEVEL: "warn", DEMO_LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  child.stderr?.on("data", (c: Buffer) => (out += c.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    dashboardPort,
    gatewayPort,
    output: () => out,
    exitWithin: async () => {
      const from = Date.now();
      await exited;
      return Date.now() - from;
    },
  };
}

/** Waits until the dashboard and the shop's gateway both answer. */
export async function waitUntilUp(demo: DemoProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (demo.child.exitCode !== null) throw new Error(`the demo exited early:\n${demo.output()}`);
    const ok = await Promise.all([
      fetch(`http://127.0.0.1:${demo.dashboardPort}/api/health`).then(
        (r) => r.ok,
        () => false,
      ),
      fetch(`http://127.0.0.1:${demo.gatewayPort}/control`).then(
        (r) => r.ok,
        () => false,
      ),
    ]);
    if (ok.every(Boolean)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the demo did not come up within ${timeoutMs} ms:\n${demo.output()}`);
}
