/**
 * The benchmarks' own broker (127.0.0.1:19600, state in .eventscope/kafka-bench/), so a heavy run never
 * slows down anyone's tests or demo on 9092, and every run starts from an empty cluster.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startBroker, stopBroker } from "../../scripts/kafka/broker";
import { type BrokerInstance, brokerAddress, brokerInstance } from "../../scripts/kafka/paths";
import { benchKafka } from "./kafka";

const port = Number(process.env.EVENTSCOPE_BENCH_BROKER_PORT ?? 19600);
export const benchBrokerOverrides: Partial<BrokerInstance> = {
  name: "kafka-bench",
  port,
  controllerPort: port + 1,
};

const lockFile = () =>
  path.join(path.dirname(brokerInstance(benchBrokerOverrides).stateDir), "kafka-bench.lock");

/** True while the process named in the lock file lives: it owns the bench broker. */
function anotherRunIsActive(): number | null {
  if (!existsSync(lockFile())) return null;
  const pid = Number(readFileSync(lockFile(), "utf8"));
  if (!Number.isInteger(pid) || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export async function startBenchBroker(log: (line: string) => void): Promise<string> {
  // A second run would wipe the broker under the first one's feet.
  const owner = anotherRunIsActive();
  if (owner !== null)
    throw new Error(`another benchmark run (pid ${owner}) is using the bench broker; wait for it`);
  // On a fresh checkout nothing has made .eventscope/ yet: the benchmarks may be the first thing run.
  mkdirSync(path.dirname(lockFile()), { recursive: true });
  writeFileSync(lockFile(), String(process.pid));
  await stopBroker(benchBrokerOverrides);
  // Yesterday's gigabyte of benchmark records must not skew today's disk or startup figures.
  rmSync(brokerInstance(benchBrokerOverrides).stateDir, { recursive: true, force: true });
  const started = await startBroker(benchBrokerOverrides, log);
  log(`bench broker up on ${started.address} in ${(started.startedInMs / 1000).toFixed(1)} s`);
  return brokerAddress(brokerInstance(benchBrokerOverrides));
}

/** Stops the bench broker unless another run owns it (this run may have failed to start its own). */
export async function stopBenchBroker(): Promise<void> {
  if (anotherRunIsActive() !== null) return;
  await stopBroker(benchBrokerOverrides);
  rmSync(lockFile(), { force: true });
}

/** Deletes every topic a previous benchmark left, so the next one's collector reads only its own. */
export async function emptyBroker(brokers: string[]): Promise<void> {
  const admin = benchKafka(brokers).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => !t.startsWith("__"));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
  } finally {
    await admin.disconnect();
  }
}
