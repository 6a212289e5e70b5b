/**
 * Starts and stops the embedded schema registry (Apicurio Registry, in-memory storage) the way the Kafka
 * scripts do the broker: idempotent (a running registry is reused), a stale pid file is cleaned up, and a
 * port taken by something else is reported in one line. Its schemas live only as long as the process.
 */
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SetupError } from "../kafka/jars";
import {
  isOwnProcess,
  lastLines,
  readPidFile,
  stopOwnProcess,
  waitUntilAnswering,
} from "../kafka/own-process";
import { portInUse } from "../kafka/probe";
import { ensureRegistryApp } from "./app";
import { findRegistryJava } from "./java-home";
import { type RegistryInstance, registryInstance, registryUrl, runnerJar } from "./paths";

const pidFile = (r: RegistryInstance) => path.join(r.stateDir, "registry.pid");
const outFile = (r: RegistryInstance) => path.join(r.stateDir, "registry.out");

const readPid = (r: RegistryInstance) => readPidFile(pidFile(r));
const registryMarkers = (r: RegistryInstance) => ["quarkus-run.jar", `-Dquarkus.http.port=${r.port}`];
const isOurRegistry = (pid: number, r: RegistryInstance) => isOwnProcess(pid, registryMarkers(r));
const waitForRegistry = (url: string, pid: number, timeoutMs: number) =>
  waitUntilAnswering(() => registryAnswers(url, 1_500), pid, timeoutMs);

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
      if (await waitForRegistry(url, existing, 120_000))
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

  if (!(await waitForRegistry(url, child.pid, 120_000))) {
    const alive = isOurRegistry(child.pid, r);
    if (alive) process.kill(child.pid, "SIGKILL");
    rmSync(pidFile(r), { force: true });
    const last = lastLines(outFile(r));
    throw new SetupError(
      `schema registry did not answer on ${url} within 120 s (${alive ? "killed it" : "it exited"}); ` +
        `last output:\n${last}`,
    );
  }
  return { url, alreadyRunning: false, pid: child.pid, startedInMs: Date.now() - began };
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
  await stopOwnProcess(pid, registryMarkers(r), 15_000);
  rmSync(pidFile(r), { force: true });
  return { wasRunning: true };
}
