/**
 * A broker of a test file's own, on its own port and state folder (.eventscope/<name>/), for tests that
 * kill the broker or fill it with thousands of partitions: the shared broker on 9092 must never go away
 * under the other tests, nor get slower for them. Each start from `startOwnBroker` begins with an empty
 * cluster; `restart` keeps the data, as a broker coming back from a crash does.
 */
import { rmSync } from "node:fs";
import { type Admin, Kafka, logLevel } from "kafkajs";
import { brokerRunning, startBroker, stopBroker } from "@/scripts/kafka/broker";
import { type BrokerInstance, brokerAddress, brokerInstance } from "@/scripts/kafka/paths";

export interface OwnBroker {
  address: string;
  /** Sends the broker's JVM `signal` and resolves once the process is gone. */
  kill(signal: "SIGKILL" | "SIGTERM"): Promise<void>;
  /** Starts the broker again on the same data; resolves when it answers, with the time it did. */
  restart(): Promise<number>;
  kafka(): Kafka;
  withAdmin<T>(fn: (admin: Admin) => Promise<T>): Promise<T>;
  /** Stops the broker and deletes its data. */
  remove(): Promise<void>;
}

const gone = async (pid: number, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    if (Date.now() > deadline) throw new Error(`broker pid ${pid} still runs after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

export async function startOwnBroker(name: string, port: number): Promise<OwnBroker> {
  const overrides: Partial<BrokerInstance> = { name, port, controllerPort: port + 1 };
  const instance = brokerInstance(overrides);
  // Whatever an earlier (maybe interrupted) run left: this one starts from an empty cluster.
  await stopBroker(overrides);
  rmSync(instance.stateDir, { recursive: true, force: true });
  const quiet = () => undefined;
  let pid = (await startBroker(overrides, quiet)).pid;
  const kafka = () =>
    new Kafka({ clientId: `${name}-test`, brokers: [brokerAddress(instance)], logLevel: logLevel.NOTHING });
  return {
    address: brokerAddress(instance),
    async kill(signal) {
      process.kill(pid, signal);
      await gone(pid, 60_000);
    },
    async restart() {
      pid = (await startBroker(overrides, quiet)).pid;
      return Date.now();
    },
    kafka,
    async withAdmin(fn) {
      const admin = kafka().admin();
      await admin.connect();
      try {
        return await fn(admin);
      } finally {
        await admin.disconnect();
      }
    },
    async remove() {
      // Its data goes too, so nothing is lost by not waiting for a clean shutdown (30 s with 1,000 topics).
      if (brokerRunning(overrides)) {
        process.kill(pid, "SIGKILL");
        await gone(pid, 60_000);
      }
      await stopBroker(overrides);
      rmSync(instance.stateDir, { recursive: true, force: true });
    },
  };
}
