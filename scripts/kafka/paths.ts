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
  /** Listeners besides PLAINTEXT and CONTROLLER, e.g. a SASL_SSL one for tests of secured clusters. */
  extraListeners: ExtraListener[];
  /** server.properties entries added to (or replacing) the defaults, e.g. a listener's TLS and JAAS settings. */
  extraProperties: Record<string, string>;
  /**
   * SCRAM credentials written into the metadata log when the storage is formatted (KRaft has no ZooKeeper
   * to hold them), in kafka-storage's `--add-scram` syntax: `SCRAM-SHA-512=[name=alice,password=secret]`.
   */
  scramCredentials: string[];
}

export interface ExtraListener {
  /** The listener's name in server.properties (upper case), e.g. SASL_SSL. */
  name: string;
  port: number;
  protocol: "PLAINTEXT" | "SSL" | "SASL_PLAINTEXT" | "SASL_SSL";
}

export function brokerInstance(overrides: Partial<BrokerInstance> = {}): BrokerInstance {
  const name = overrides.name ?? "kafka";
  return {
    name,
    host: "127.0.0.1",
    port: 9092,
    controllerPort: 9093,
    stateDir: path.join(repoRoot, ".eventscope", name),
    extraListeners: [],
    extraProperties: {},
    scramCredentials: [],
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
