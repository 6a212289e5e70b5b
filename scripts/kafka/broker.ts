/**
 * Starts and stops the embedded single-node KRaft broker. Idempotent: a running broker is reused, a stale
 * pid file is cleaned up, and a port taken by something else is reported in one line.
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeBrokerConfig } from "./broker-config";
import { SetupError, ensureJars } from "./jars";
import { type BrokerInstance, brokerAddress, brokerInstance, jarsDir } from "./paths";
import { isOwnProcess, lastLines, readPidFile, stopOwnProcess, waitUntilAnswering } from "./own-process";
import { brokerAnswers, portInUse } from "./probe";

const classpath = () => `${jarsDir}/*`;
const pidFile = (b: BrokerInstance) => path.join(b.stateDir, "broker.pid");
const outFile = (b: BrokerInstance) => path.join(b.stateDir, "broker.out");

const readPid = (b: BrokerInstance) => readPidFile(pidFile(b));
const brokerMarkers = (b: BrokerInstance) => ["kafka.Kafka", b.stateDir];
const isOurBroker = (pid: number, b: BrokerInstance) => isOwnProcess(pid, brokerMarkers(b));

function java(args: string[]): string {
  const result = spawnSync("java", ["-cp", classpath(), ...args], { encoding: "utf8" });
  if (result.status !== 0)
    throw new SetupError(`java ${args[0]} failed: ${result.stderr.trim().split("\n")[0]}`);
  return result.stdout.trim();
}

function formatStorage(b: BrokerInstance, propsFile: string): void {
  const idFile = path.join(b.stateDir, "cluster.id");
  if (!existsSync(idFile)) writeFileSync(idFile, java(["kafka.tools.StorageTool", "random-uuid"]) + "\n");
  const clusterId = readFileSync(idFile, "utf8").trim();
  const scram = b.scramCredentials.flatMap((credential) => ["--add-scram", credential]);
  const format = ["format", "-t", clusterId, "-c", propsFile, "--ignore-formatted", ...scram];
  java(["kafka.tools.StorageTool", ...format]);
}

export interface StartResult {
  address: string;
  alreadyRunning: boolean;
  pid: number;
  startedInMs: number;
}

export async function startBroker(
  overrides: Partial<BrokerInstance> = {},
  log: (line: string) => void = console.log,
): Promise<StartResult> {
  const b = brokerInstance(overrides);
  const address = brokerAddress(b);
  const began = Date.now();
  mkdirSync(b.stateDir, { recursive: true });

  const existing = readPid(b);
  if (existing !== null) {
    if (isOurBroker(existing, b)) {
      if (await waitForBroker(address, existing, 60_000)) {
        return { address, alreadyRunning: true, pid: existing, startedInMs: 0 };
      }
      throw new SetupError(
        `broker pid ${existing} is running but ${address} does not answer; see ${outFile(b)}`,
      );
    }
    log(`Removing stale pid file ${pidFile(b)} (process ${existing} is gone).`);
    rmSync(pidFile(b), { force: true });
  }
  for (const port of [b.port, b.controllerPort, ...b.extraListeners.map((l) => l.port)]) {
    if (await portInUse(b.host, port)) {
      throw new SetupError(
        `port ${b.host}:${port} is already in use by another process; stop it, or point Eventscope at ` +
          `an existing cluster with KAFKA_BROKERS=host:port`,
      );
    }
  }

  await ensureJars(log);
  const { propsFile, log4jFile } = writeBrokerConfig(b);
  formatStorage(b, propsFile);

  const out = openSync(outFile(b), "a");
  const child = spawn(
    "java",
    [
      "-Xms256m",
      "-Xmx1g",
      "-XX:+UseG1GC",
      "-XX:MaxGCPauseMillis=20",
      "-Djava.awt.headless=true",
      `-Dlog4j.configuration=file:${log4jFile}`,
      "-cp",
      classpath(),
      "kafka.Kafka",
      propsFile,
    ],
    { detached: true, stdio: ["ignore", out, out] },
  );
  closeSync(out);
  if (child.pid === undefined) throw new SetupError("could not start java for the Kafka broker");
  child.unref();
  writeFileSync(pidFile(b), `${child.pid}\n`);

  if (!(await waitForBroker(address, child.pid, 90_000))) {
    const alive = isOurBroker(child.pid, b);
    if (alive) process.kill(child.pid, "SIGKILL");
    rmSync(pidFile(b), { force: true });
    throw new SetupError(
      `Kafka broker did not answer on ${address} within 90 s (${alive ? "killed it" : "it exited"}); last output:\n` +
        lastLines(outFile(b)),
    );
  }
  return { address, alreadyRunning: false, pid: child.pid, startedInMs: Date.now() - began };
}

const waitForBroker = (address: string, pid: number, timeoutMs: number) =>
  waitUntilAnswering(() => brokerAnswers(address, 1_500), pid, timeoutMs);

export interface StopResult {
  wasRunning: boolean;
  stoppedInMs: number;
}

export async function stopBroker(overrides: Partial<BrokerInstance> = {}): Promise<StopResult> {
  const b = brokerInstance(overrides);
  const pid = readPid(b);
  const began = Date.now();
  if (pid === null || !isOurBroker(pid, b)) {
    rmSync(pidFile(b), { force: true });
    return { wasRunning: false, stoppedInMs: 0 };
  }
  // SIGTERM is a controlled shutdown: it flushes logs, so the next start needs no recovery.
  await stopOwnProcess(pid, brokerMarkers(b), 30_000);
  rmSync(pidFile(b), { force: true });
  return { wasRunning: true, stoppedInMs: Date.now() - began };
}

export function brokerRunning(overrides: Partial<BrokerInstance> = {}): boolean {
  const b = brokerInstance(overrides);
  const pid = readPid(b);
  return pid !== null && isOurBroker(pid, b);
}
