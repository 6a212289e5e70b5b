/**
 * The benchmarks' own broker (127.0.0.1:19600, state in .eventscope/kafka-bench/), so a heavy run never
 * slows down anyone's tests or demo on 9092, and every run starts from an empty cluster.
 */
import { rmSync } from "node:fs";
import { startBroker, stopBroker } from "../../scripts/kafka/broker";
import { type BrokerInstance, brokerAddress, brokerInstance } from "../../scripts/kafka/paths";
import { benchKafka } from "./kafka";

const port = Number(process.env.EVENTSCOPE_BENCH_BROKER_PORT ?? 19600);
export const benchBrokerOverrides: Partial<BrokerInstance> = {
  name: "kafka-bench",
  port,
  controllerPort: port + 1,
};

export async function startBenchBroker(log: (line: string) => void): Promise<string> {
  await stopBroker(benchBrokerOverrides);
  // Yesterday's gigabyte of benchmark records must not skew today's disk or startup figures.
  rmSync(brokerInstance(benchBrokerOverrides).stateDir, { recursive: true, force: true });
  const started = await startBroker(benchBrokerOverrides, log);
  log(`bench broker up on ${started.address} in ${(started.startedInMs / 1000).toFixed(1)} s`);
  return brokerAddress(brokerInstance(benchBrokerOverrides));
}

export const stopBenchBroker = () => stopBroker(benchBrokerOverrides);

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
