/**
 * A second broker of the project's own Kafka, apart from the shared one on 9092, with the listeners a
 * production cluster has: SASL_SSL (SCRAM-SHA-512 and -256 users kept by Kafka itself, PLAIN users from the
 * listener's JAAS entry) and SSL requiring a client certificate. A PLAINTEXT listener stays for the
 * tests' own setup (topics, producers); Eventscope under test only gets the secured addresses.
 * Certificates and passwords are new on every start. Its state folder (.eventscope/kafka-secure-test-<port>)
 * is removed by stop(), and by the next start if a run was killed before it could stop the broker.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startBroker, stopBroker } from "@/scripts/kafka/broker";
import { type BrokerInstance, brokerInstance } from "@/scripts/kafka/paths";
import { createTestCertificates, type TestCertificates } from "@/server/test-support/test-certificates";

export interface SaslUser {
  username: string;
  password: string;
}

export interface SecureBroker {
  /** PLAINTEXT, for the tests' setup only. */
  setupAddress: string;
  /** SASL_SSL: SCRAM-SHA-512 and PLAIN. */
  saslSslAddress: string;
  /** SSL with ssl.client.auth=required (mutual TLS, no SASL). */
  mutualTlsAddress: string;
  certificates: TestCertificates;
  /** A SCRAM-SHA-512 user, and one with SCRAM-SHA-256 credentials only. */
  scramUser: SaslUser;
  scramSha256User: SaslUser;
  plainUser: SaslUser;
  stop(): Promise<void>;
}

/** Ports 29092–29095 by default; EVENTSCOPE_TEST_SECURE_BROKER_PORT moves all four. */
const basePort = Number(process.env.EVENTSCOPE_TEST_SECURE_BROKER_PORT ?? 29092);

const user = (prefix: string): SaslUser => ({
  username: `${prefix}-${randomUUID().slice(0, 8)}`,
  password: randomUUID(),
});

/** JAAS values are quoted strings; the generated names and passwords hold no quotes or backslashes. */
const jaas = (module: string, options: Record<string, string>) =>
  `${module} required ${Object.entries(options)
    .map(([k, v]) => `${k}="${v}"`)
    .join(" ")};`;

export async function startSecureBroker(
  log: (line: string) => void = () => undefined,
): Promise<SecureBroker> {
  const place: Partial<BrokerInstance> = {
    name: `kafka-secure-test-${basePort}`,
    port: basePort,
    controllerPort: basePort + 2,
  };
  const { stateDir } = brokerInstance(place);
  // Whatever an interrupted run left (a broker still running, old keys and users) goes first.
  await stopBroker(place);
  rmSync(stateDir, { recursive: true, force: true });
  const tlsDir = path.join(stateDir, "tls");
  mkdirSync(tlsDir, { recursive: true });
  const certificates = createTestCertificates(tlsDir);
  const scramUser = user("es-scram");
  const scramSha256User = user("es-scram256");
  const plainUser = user("es-plain");
  const instance: Partial<BrokerInstance> = {
    ...place,
    extraListeners: [
      { name: "SASL_SSL", port: basePort + 1, protocol: "SASL_SSL" },
      { name: "SSL", port: basePort + 3, protocol: "SSL" },
    ],
    extraProperties: {
      "ssl.keystore.type": "PKCS12",
      "ssl.keystore.location": certificates.brokerKeystoreFile,
      "ssl.keystore.password": certificates.brokerKeystorePassword,
      "ssl.key.password": certificates.brokerKeystorePassword,
      "ssl.truststore.type": "PEM",
      "ssl.truststore.location": certificates.caFile,
      "listener.name.ssl.ssl.client.auth": "required",
      "listener.name.sasl_ssl.sasl.enabled.mechanisms": "SCRAM-SHA-512,SCRAM-SHA-256,PLAIN",
      "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config": jaas(
        "org.apache.kafka.common.security.scram.ScramLoginModule",
        {},
      ),
      "listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config": jaas(
        "org.apache.kafka.common.security.scram.ScramLoginModule",
        {},
      ),
      "listener.name.sasl_ssl.plain.sasl.jaas.config": jaas(
        "org.apache.kafka.common.security.plain.PlainLoginModule",
        { [`user_${plainUser.username}`]: plainUser.password },
      ),
    },
    scramCredentials: [
      `SCRAM-SHA-512=[name=${scramUser.username},password=${scramUser.password}]`,
      `SCRAM-SHA-256=[name=${scramSha256User.username},password=${scramSha256User.password}]`,
    ],
  };
  const stop = async () => {
    await stopBroker(instance);
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    const started = await startBroker(instance, log);
    log(`secure test broker up in ${started.startedInMs} ms (state in ${stateDir})`);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    setupAddress: `127.0.0.1:${basePort}`,
    saslSslAddress: `127.0.0.1:${basePort + 1}`,
    mutualTlsAddress: `127.0.0.1:${basePort + 3}`,
    certificates,
    scramUser,
    scramSha256User,
    plainUser,
    stop,
  };
}
