/**
 * `npm run demo` — one command for a working dashboard: the embedded Kafka broker (unless KAFKA_BROKERS
 * points at your own cluster) and schema registry (unless EVENTSCOPE_SCHEMA_REGISTRY_URL names yours), the
 * UI build when sources changed, the dashboard server, and the demo shop (demo/) whose traffic the
 * dashboard shows. Ctrl-C stops everything this command started, and only that.
 *
 * Flags: --port N (dashboard port, default 3000) · --broker-instance e2e (the Playwright suite's own broker)
 *        --gateway-port N (demo shop gateway, default 4000) · --rate N (orders/s, default 2) · --no-traffic
 *        --no-shop (dashboard only) · --shop (start the shop even on your own cluster: it creates topics there)
 *        --instances N (N dashboards on ports port…port+N−1 as one deployment over PostgreSQL and Redis)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { nodeMemoryFlags } from "@/server/memory-budget";
import { buildIfNeeded } from "./build-if-needed";
import { clusterSettings } from "./demo-cluster";
import { startBroker, stopBroker } from "./kafka/broker";
import { SetupError } from "./kafka/jars";
import { e2eBrokerOverrides, repoRoot } from "./kafka/paths";
import { e2eRegistryOverrides } from "./registry/paths";
import { startRegistry, stopRegistry } from "./registry/registry";

const { values: flags } = parseArgs({
  options: {
    port: { type: "string", default: process.env.EVENTSCOPE_PORT ?? "3000" },
    "broker-instance": { type: "string", default: "default" },
    "gateway-port": { type: "string", default: process.env.DEMO_GATEWAY_PORT ?? "4000" },
    rate: { type: "string" },
    "no-traffic": { type: "boolean", default: false },
    shop: { type: "boolean", default: false },
    "no-shop": { type: "boolean", default: false },
    instances: { type: "string", default: "1" },
  },
});
const instances = Math.max(1, Math.min(8, Number.parseInt(flags.instances, 10) || 1));

const children: ChildProcess[] = [];
let stopEmbedded: (() => Promise<unknown>) | null = null;
let stopRegistryOnExit: (() => Promise<unknown>) | null = null;
let shuttingDown = false;

/** Ctrl-C must finish within 5 s whatever state Kafka is in: children get this long, then SIGKILL. */
const CHILD_GRACE_MS = 3_000;
/** …and the embedded broker's controlled shutdown this long; past it, it finishes on its own. */
const BROKER_GRACE_MS = 1_500;

const running = () => children.filter((c) => c.exitCode === null && c.signalCode === null);
const exited = (c: ChildProcess) => new Promise((resolve) => c.once("exit", resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

async function shutdown(code: number): Promise<never> {
  if (shuttingDown) {
    // A second Ctrl-C: exit now, and take the children along rather than leave them running.
    for (const child of running()) child.kill("SIGKILL");
    if (stopEmbedded) console.log("The embedded broker may still be running; `npm run kafka:stop` stops it.");
    process.exit(code || 130);
  }
  shuttingDown = true;
  console.log("\nStopping Eventscope demo… (Ctrl-C again to quit at once)");
  for (const child of running()) child.kill("SIGTERM");
  await Promise.race([Promise.all(running().map(exited)), sleep(CHILD_GRACE_MS)]);
  for (const child of running()) {
    console.log(`A child process (pid ${child.pid}) did not stop in time; killing it.`);
    child.kill("SIGKILL");
  }
  if (stopRegistryOnExit) void stopRegistryOnExit(); // its schemas are in memory: nothing to flush
  if (stopEmbedded) {
    const stopped = await Promise.race([
      stopEmbedded().then(() => true),
      sleep(BROKER_GRACE_MS).then(() => false),
    ]);
    if (!stopped) console.log("The embedded broker is still shutting down; it finishes on its own.");
  }
  process.exit(code);
}

async function main(): Promise<void> {
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  let brokers = process.env.KAFKA_BROKERS;
  const ownCluster = Boolean(brokers);
  // The registry's JVM takes longer to start than the broker's: both start at once.
  const registry = startDemoRegistry(ownCluster);
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

  const registryUrl = await registry;

  buildIfNeeded();

  // Re-drive needs an admin. Without a configured token the demo makes one for this run only, keeps it in
  // a file only this user can read, and prints a sign-in link with a one-time code (not the token): the
  // code rides in the URL fragment, which browsers never send to a server or log, and works once.
  const generated = process.env.EVENTSCOPE_ADMIN_TOKEN ? null : generateAdminCredentials();
  const env = {
    ...process.env,
    KAFKA_BROKERS: brokers,
    EVENTSCOPE_PORT: flags.port,
    NEXT_TELEMETRY_DISABLED: "1",
    ...(registryUrl ? { EVENTSCOPE_SCHEMA_REGISTRY_URL: registryUrl } : {}),
    ...(generated
      ? { EVENTSCOPE_ADMIN_TOKEN: generated.token, EVENTSCOPE_SIGN_IN_CODE: generated.code }
      : {}),
  };
  const shared = instances > 1 ? await clusterSettings(process.env) : {};
  const ports = Array.from({ length: instances }, (_, i) => Number(flags.port) + i);
  for (const port of ports) startDashboard({ ...env, ...shared, EVENTSCOPE_PORT: String(port) });
  const url = `http://127.0.0.1:${flags.port}`;
  console.log(`\n  Eventscope: ${ports.map((port) => `http://127.0.0.1:${port}`).join("  ")}`);
  if (instances > 1)
    console.log(
      `  ${instances} instances over ${shared.EVENTSCOPE_REDIS_URL} and PostgreSQL (one collector group)`,
    );
  console.log(
    generated
      ? `  Sign in as admin (re-drive), link works once: ${url}/sign-in#code=${generated.code}\n` +
          `  To sign in again, use the admin token in ${path.relative(process.cwd(), generated.tokenFile)}\n`
      : "  Sign in as admin with your EVENTSCOPE_ADMIN_TOKEN at /sign-in\n",
  );

  if (flags["no-shop"]) return;
  if (ownCluster && !flags.shop) {
    console.log(
      "The demo shop is not started on your own cluster (it would create topics there); --shop starts it.",
    );
    return;
  }
  startShop(env);
}

function startDashboard(env: NodeJS.ProcessEnv): void {
  // The heap limits of its EVENTSCOPE_MEMORY_MB, as `npm start` gives them.
  const args = [...nodeMemoryFlags(env), "--import", "tsx", "server/main.ts"];
  const dashboard = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...env, NODE_ENV: "production" },
    stdio: "inherit",
    // Its own process group: a terminal's Ctrl-C reaches only this script, which stops the children once.
    detached: true,
  });
  children.push(dashboard);
  dashboard.once("exit", (code) => {
    if (!shuttingDown) {
      console.error(`A dashboard exited (code ${code}).`);
      void shutdown(code ?? 1);
    }
  });
}

/**
 * The schema registry the demo shop writes Avro through: yours when EVENTSCOPE_SCHEMA_REGISTRY_URL is set,
 * none on your own cluster otherwise, else the embedded Apicurio Registry (stopped again on Ctrl-C).
 */
async function startDemoRegistry(ownCluster: boolean): Promise<string | null> {
  const given = process.env.EVENTSCOPE_SCHEMA_REGISTRY_URL;
  if (given || ownCluster) return given || null;
  const overrides = flags["broker-instance"] === "e2e" ? e2eRegistryOverrides() : {};
  let started: Awaited<ReturnType<typeof startRegistry>>;
  try {
    started = await startRegistry(overrides);
  } catch (error) {
    // The shop still runs without one: UserRegistered is then written as JSON like every other event.
    if (!(error instanceof SetupError)) throw error;
    console.log(`Schema registry not started (${error.message}); the demo shop writes JSON only.`);
    return null;
  }
  console.log(
    started.alreadyRunning
      ? `Using the embedded schema registry already running at ${started.url}.`
      : `Embedded schema registry started at ${started.url} in ${(started.startedInMs / 1000).toFixed(1)} s.`,
  );
  if (!started.alreadyRunning) stopRegistryOnExit = () => stopRegistry(overrides);
  return started.url;
}

/** A fresh admin token (written to a 0600 file for signing in again) and a one-time sign-in code. */
function generateAdminCredentials(): { token: string; code: string; tokenFile: string } {
  const token = randomBytes(24).toString("base64url");
  const tokenFile = path.join(repoRoot, ".eventscope", "admin-token");
  mkdirSync(path.dirname(tokenFile), { recursive: true });
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  chmodSync(tokenFile, 0o600); // `mode` applies only when the file is new
  return { token, code: randomBytes(24).toString("base64url"), tokenFile };
}

/** The demo shop: gateway, services and load generator in one child process (see demo/main.ts). */
function startShop(env: NodeJS.ProcessEnv): void {
  const args = ["--import", "tsx", "demo/main.ts", "--gateway-port", flags["gateway-port"]];
  if (flags.rate !== undefined) args.push("--rate", flags.rate);
  if (flags["no-traffic"]) args.push("--no-traffic");
  const shop = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: "inherit", detached: true });
  children.push(shop);
  shop.once("exit", (code) => {
    if (!shuttingDown) {
      console.error(`The demo shop exited (code ${code}).`);
      void shutdown(code ?? 1);
    }
  });
  const gateway = `http://127.0.0.1:${flags["gateway-port"]}`;
  console.log(
    [
      `  Demo shop gateway: ${gateway}`,
      `    place an order:   curl -X POST ${gateway}/orders -H 'content-type: application/json' \\`,
      `                        -d '{"customerId":"cust-1","items":[{"sku":"sku-ceramic-mug","qty":2}],"amount":19.8}'`,
      `    payment outage:   curl -X POST ${gateway}/control -H 'content-type: application/json' -d '{"paymentOutage":true}'`,
      `    pause inventory:  curl -X POST ${gateway}/control -H 'content-type: application/json' -d '{"inventoryPaused":true}'`,
      `    current knobs:    curl ${gateway}/control`,
      "",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof SetupError ? `demo: ${error.message}` : error);
  void shutdown(1);
});
