/**
 * `npm run demo` — one command for a working dashboard: the embedded Kafka broker (unless KAFKA_BROKERS
 * points at your own cluster), the UI build when sources changed, and the dashboard server. Ctrl-C stops
 * everything this command started, and only that.
 *
 * Flags: --port N (dashboard port, default 3000) · --broker-instance e2e (the Playwright suite's own broker)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { buildIfNeeded } from "./build-if-needed";
import { startBroker, stopBroker } from "./kafka/broker";
import { SetupError } from "./kafka/jars";
import { e2eBrokerOverrides, repoRoot } from "./kafka/paths";

const { values: flags } = parseArgs({
  options: {
    port: { type: "string", default: process.env.EVENTSCOPE_PORT ?? "3000" },
    "broker-instance": { type: "string", default: "default" },
    // Used by the demo shop (see demo/); accepted here so the e2e stack can pass it from the start.
    "gateway-port": { type: "string", default: process.env.DEMO_GATEWAY_PORT ?? "4000" },
  },
});

const children: ChildProcess[] = [];
let stopEmbedded: (() => Promise<unknown>) | null = null;
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  if (shuttingDown) process.exit(code);
  shuttingDown = true;
  console.log("\nStopping Eventscope demo…");
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : Promise.resolve())),
  );
  if (stopEmbedded) await stopEmbedded();
  process.exit(code);
}

async function main(): Promise<void> {
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  let brokers = process.env.KAFKA_BROKERS;
  if (!brokers) {
    const overrides = flags["broker-instance"] === "e2e" ? e2eBrokerOverrides : {};
    const started = await startBroker(overrides);
    brokers = started.address;
    console.log(
      started.alreadyRunning
        ? `Using the embedded Kafka already running on ${brokers}.`
        : `Embedded Kafka started on ${brokers} in ${(started.startedInMs / 1000).toFixed(1)} s.`,
    );
    if (!started.alreadyRunning) stopEmbedded = () => stopBroker(overrides);
  } else {
    console.log(`Using your Kafka cluster at ${brokers}.`);
  }

  buildIfNeeded();

  const env = {
    ...process.env,
    KAFKA_BROKERS: brokers,
    EVENTSCOPE_PORT: flags.port,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const dashboard = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: repoRoot,
    env: { ...env, NODE_ENV: "production" },
    stdio: "inherit",
  });
  children.push(dashboard);
  dashboard.once("exit", (code) => {
    if (!shuttingDown) {
      console.error(`The dashboard exited (code ${code}).`);
      void shutdown(code ?? 1);
    }
  });
  console.log(`\n  Eventscope: http://127.0.0.1:${flags.port}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof SetupError ? `demo: ${error.message}` : error);
  void shutdown(1);
});
