/**
 * Two more dashboards beside the e2e stack's own, as one deployment: the stack's broker, a PostgreSQL
 * database of their own (dropped afterwards) and the machine's Redis, on the stack's port + 10 and + 11.
 * They serve the UI build the stack made (same EVENTSCOPE_DIST_DIR).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { baseURL } from "../../playwright.config";

const SERVER = process.env.EVENTSCOPE_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/postgres";
const brokerPort = Number(process.env.EVENTSCOPE_E2E_BROKER_PORT ?? 19092);

export interface TwoInstances {
  urls: string[];
  stop(): Promise<void>;
}

async function sql(statement: string): Promise<void> {
  const client = new Client({ connectionString: SERVER });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

async function answering(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function startTwoInstances(): Promise<TwoInstances> {
  const id = randomBytes(4).toString("hex");
  const database = `es_e2e_${id}`;
  await sql(`CREATE DATABASE ${database}`);
  const store = new URL(SERVER);
  store.pathname = `/${database}`;
  const port = Number(new URL(baseURL).port);
  const children: ChildProcess[] = [];
  const urls = [port + 10, port + 11].map((p) => {
    children.push(
      spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
        stdio: "ignore",
        env: {
          ...process.env,
          NODE_ENV: "production",
          KAFKA_BROKERS: `127.0.0.1:${brokerPort}`,
          KAFKA_CLIENT_ID: `es-e2e-${id}`,
          EVENTSCOPE_PORT: String(p),
          EVENTSCOPE_STORE: store.toString(),
          EVENTSCOPE_REDIS_URL: process.env.EVENTSCOPE_TEST_REDIS ?? "redis://127.0.0.1:6379",
          EVENTSCOPE_CLUSTER_NAME: `es-e2e-${id}`,
          EVENTSCOPE_LOOKBACK: "2m",
          EVENTSCOPE_LOG_LEVEL: "warn",
        },
      }),
    );
    return `http://127.0.0.1:${p}`;
  });
  const stop = async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            c.once("exit", () => resolve());
            c.kill("SIGTERM");
          }),
      ),
    );
    await sql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  };
  try {
    await Promise.all(urls.map((url) => answering(url, 60_000)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, stop };
}
