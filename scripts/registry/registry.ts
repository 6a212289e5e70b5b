/**
 * Starts and stops the embedded schema registry (Apicurio Registry, in-memory storage) the way the Kafka
 * scripts do the broker: idempotent (a running registry is reused), a stale pid file is cleaned up, and a
 * port taken by something else is reported in one line. Its schemas live only as long as the process.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SetupError } from "../kafka/jars";
import { portInUse } from "../kafka/probe";
import { ensureRegistryApp } from "./app";
import { findRegistryJava } from "./java-home";
import { type RegistryInstance, registryInstance, registryUrl, runnerJar } from "./paths";

const pidFile = (r: RegistryInstance) => path.join(r.stateDir, "registry.pid");
const outFile = (r: RegistryInstance) => path.join(r.stateDir, "registry.out");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readPid(r: RegistryInstance): number | null {
  if (!existsSync(pidFile(r))) return null;
  const pid = Number(readFileSync(pidFile(r), "utf8").trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Alive *and* this instance's registry: a recycled pid that now belongs to another program does not count. */
function isOurRegistry(pid: number, r: RegistryInstance): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true; // no procfs: trust the live pid
  const args = readFileSync(cmdline, "utf8");
  return args.includes("quarkus-run.jar") && args.includes(`-Dquarkus.http.port=${r.port}`);
}

/** "Up" means the Confluent-compatible API answers a real question. */
export async function registryAnswers(url: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    const res = await fetch(`${url}/subjects`, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok;
  } catch {
    return false;
  }
}

export interface RegistryStartResult {
  url: string;
  alreadyRunning: boolean;
  pid: number;
  startedInMs: number;
}

export async function startRegistry(
  overrides: Partial<RegistryInstance> = {},
  log: (line: string) => void = console.log,
): Promise<RegistryStartResult> {
  const r = registryInstance(overrides);
  const url = registryUrl(r);
  mkdirSync(r.stateDir, { recursive: true });
  const existing = readPid(r);
  if (existing !== null) {
    if (isOurRegistry(existing, r)) {
      if (await waitUntilAnswering(url, existing, 120_000))
        return { url, alreadyRunning: true, pid: existing, startedInMs: 0 };
      throw new SetupError(
        `registry pid ${existing} is running but ${url} does not answer; see ${outFile(r)}`,
      );
    }
    log(`Removing stale pid file ${pidFile(r)} (process ${existing} is gone).`);
    rmSync(pidFile(r), { force: true });
  }
  if (await portInUse(r.host, r.port)) {
    throw new SetupError(
      `port ${r.host}:${r.port} is already in use by another process; stop it, or point Eventscope at ` +
        "an existing registry with EVENTSCOPE_SCHEMA_REGISTRY_URL",
    );
  }
  const java = findRegistryJava();
  await ensureRegistryApp(log);

  const began = Date.now();
  const out = openSync(outFile(r), "a");
  const child = spawn(
    java,
    [
      "-Xms64m",
      "-Xmx384m",
      "-XX:+UseSerialGC",
      // A registry for a dashboard's demo and tests: a fast start matters more than peak throughput.
      "-XX:TieredStopAtLevel=1",
      "-Djava.awt.headless=true",
      `-Dquarkus.http.host=${r.host}`,
      `-Dquarkus.http.port=${r.port}`,
      // Apicurio's build always opens Quarkus' management interface (default 0.0.0.0:9000, which a second
      // registry would collide on): a free port on loopback instead.
      "-Dquarkus.management.host=127.0.0.1",
      "-Dquarkus.management.port=0",
      "-jar",
      runnerJar,
    ],
    { cwd: r.stateDir, detached: true, stdio: ["ignore", out, out] },
  );
  closeSync(out);
  if (child.pid === undefined) throw new SetupError("could not start java for the schema registry");
  child.unref();
  writeFileSync(pidFile(r), `${child.pid}\n`);

  if (!(await waitUntilAnswering(url, child.pid, 120_000))) {
    const alive = isOurRegistry(child.pid, r);
    if (alive) process.kill(child.pid, "SIGKILL");
    rmSync(pidFile(r), { force: true });
    const last = readFileSync(outFile(r), "utf8").trim().split("\n").slice(-5).join("\n");
    throw new SetupError(
      `schema registry did not answer on ${url} within 120 s (${alive ? "killed it" : "it exited"}); ` +
        `last output:\n${last}`,
    );
  }
  return { url, alreadyRunning: false, pid: child.pid, startedInMs: Date.now() - began };
}

async function waitUntilAnswering(url: string, pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await registryAnswers(url, 1_500)) return true;
    try {
      process.kill(pid, 0);
    } catch {
      return false; // the JVM exited: no point in waiting any longer
    }
    await sleep(300);
  }
  return false;
}

export async function stopRegistry(
  overrides: Partial<RegistryInstance> = {},
): Promise<{ wasRunning: boolean }> {
  const r = registryInstance(overrides);
  const pid = readPid(r);
  if (pid === null || !isOurRegistry(pid, r)) {
    rmSync(pidFile(r), { force: true });
    return { wasRunning: false };
  }
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && isOurRegistry(pid, r)) await sleep(200);
  if (isOurRegistry(pid, r)) process.kill(pid, "SIGKILL");
  rmSync(pidFile(r), { force: true });
  return { wasRunning: true };
}
