/** Where the embedded broker keeps its jars and state. One place, so scripts and tests agree. */
import path from "node:path";
import { fileURLToPath } from "node:url";

export const KAFKA_VERSION = "3.9.2";
export const scriptsDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(scriptsDir, "../..");
export const jarsDir = path.join(scriptsDir, ".jars");
export const brokerJar = path.join(jarsDir, `kafka_2.13-${KAFKA_VERSION}.jar`);

export interface BrokerInstance {
  /** A short name used in messages and for the state folder (default "kafka"). */
  name: string;
  host: string;
  port: number;
  controllerPort: number;
  /** Holds data/, broker.log, broker.pid, server.properties, cluster.id. */
  stateDir: string;
}

export function brokerInstance(overrides: Partial<BrokerInstance> = {}): BrokerInstance {
  const name = overrides.name ?? "kafka";
  return {
    name,
    host: "127.0.0.1",
    port: 9092,
    controllerPort: 9093,
    stateDir: path.join(repoRoot, ".eventscope", name),
    ...overrides,
  };
}

export const brokerAddress = (b: BrokerInstance): string => `${b.host}:${b.port}`;

/**
 * The broker the Playwright suite owns (it stops and restarts it), apart from a developer's demo broker.
 * EVENTSCOPE_E2E_BROKER_PORT lets two suites run side by side on one machine.
 */
const e2eBrokerPort = Number(process.env.EVENTSCOPE_E2E_BROKER_PORT ?? 19092);
export const e2eBrokerOverrides: Partial<BrokerInstance> = {
  name: e2eBrokerPort === 19092 ? "kafka-e2e" : `kafka-e2e-${e2eBrokerPort}`,
  port: e2eBrokerPort,
  controllerPort: e2eBrokerPort + 1,
};
