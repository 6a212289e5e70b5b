/**
 * Eventscope against a secured Kafka listener, for real: a broker of the project's own Kafka with a
 * SASL_SSL listener (SCRAM-SHA-512 users made by kafka-storage, PLAIN users in the listener's JAAS entry)
 * and a mutual-TLS listener, certificates from a CA made by this file. The dashboard under test only gets
 * the secured addresses; the tests set up topics and traffic through the broker's PLAINTEXT listener.
 */
import { randomBytes } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DlqTopicsResponse, RedriveStartResponse, RedriveTask } from "@/lib/api/dlq";
import { FINAL_REDRIVE_STATUSES } from "@/lib/api/dlq";
import type { HealthResponse } from "@/lib/api/health";
import type { LagGroupDetailResponse } from "@/lib/api/lag";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/live/socket-contract";
import type { BrokerStatus } from "@/lib/model/status";
import type { TraceResponse } from "@/lib/api/traces";
import type { Config } from "@/server/config";
import { authFeature } from "@/server/auth";
import { collectorFeature } from "@/server/collector/collector-feature";
import { ALL_FEATURES } from "@/server/compose";
import { createDlqFeature } from "@/server/dlq/dlq-feature";
import {
  ADMIN_TOKEN,
  produceDeadLetters,
  readAll,
  signedIn,
  uniqueInternalTopics,
  waitFor,
} from "@/server/dlq/testing/support";
import { healthFeature } from "@/server/http/health-routes";
import { lagFeature } from "@/server/lag";
import { startTestApp, type TestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { createTestTopics, testKafka, uniqueName, withAdmin } from "@/server/test-support/kafka";
import { recordingLogger } from "@/server/test-support/recording-logger";
import { type SaslUser, type SecureBroker, startSecureBroker } from "@/server/test-support/secure-broker";
import { tracesFeature } from "@/server/traces/traces-feature";

let broker: SecureBroker;
let apps: TestApp[] = [];

/** Each group of tests stops its dashboards, so they do not load the broker during the next group. */
async function closeApps(): Promise<void> {
  const closing = apps;
  apps = [];
  await Promise.all(closing.map((app) => app.close().catch(() => undefined)));
}

beforeAll(async () => {
  broker = await startSecureBroker();
  // The shared test helpers (topics, producers, readers) talk to KAFKA_BROKERS: here, the setup listener.
  vi.stubEnv("KAFKA_BROKERS", broker.setupAddress);
}, 90_000);

afterAll(async () => {
  await closeApps();
  vi.unstubAllEnvs();
  await broker?.stop();
}, 60_000);

/** What the dashboard needs to read a topic and show a trace, lag and health. */
const readingFeatures = {
  collector: collectorFeature,
  lag: lagFeature,
  traces: tracesFeature,
  health: healthFeature,
};

async function start(config: Config, features = {}, logger = recordingLogger().logger): Promise<TestApp> {
  const app = await startTestApp(config, { ...readingFeatures, ...features }, logger);
  apps.push(app);
  return app;
}

function secured(env: Record<string, string>): Config {
  return testConfig({
    KAFKA_CLIENT_ID: uniqueName("es-secure"),
    KAFKA_SSL: "true",
    KAFKA_SSL_CA_FILE: broker.certificates.caFile,
    EVENTSCOPE_LOOKBACK: "10m",
    EVENTSCOPE_LAG_INTERVAL: "500ms",
    ...env,
  });
}

const saslSsl = (
  mechanism: "scram-sha-512" | "scram-sha-256" | "plain",
  user: SaslUser,
  env: Record<string, string> = {},
) =>
  secured({
    KAFKA_BROKERS: broker.saslSslAddress,
    KAFKA_SASL_MECHANISM: mechanism,
    KAFKA_SASL_USERNAME: user.username,
    KAFKA_SASL_PASSWORD: user.password,
    ...env,
  });

const getJson = async <T>(url: string): Promise<{ status: number; body: T; text: string }> => {
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as T, text };
};

/** Sends `count` events of one new trace to a new topic (through the setup listener); returns both. */
async function tracedTopic(count = 3): Promise<{ topic: string; traceId: string }> {
  const topic = uniqueName("secure-orders");
  const traceId = randomBytes(16).toString("hex");
  await createTestTopics({ topic, numPartitions: 1 });
  const producer = testKafka().producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({
    topic,
    messages: Array.from({ length: count }, (_, i) => ({
      key: `order-${i}`,
      value: JSON.stringify({ type: "OrderPlaced", i }),
      headers: { traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01`, service: "shop" },
    })),
  });
  await producer.disconnect();
  return { topic, traceId };
}

async function traceHops(app: TestApp, traceId: string, count: number): Promise<TraceResponse> {
  return waitFor(`trace ${traceId} with ${count} hops`, async () => {
    const { status, body } = await getJson<TraceResponse>(`${app.url}/api/traces/${traceId}`);
    return status === 200 && body.trace.hops.length === count ? body : null;
  });
}

describe("over SASL_SSL with SCRAM-SHA-512", () => {
  let app: TestApp;
  afterAll(closeApps);
  beforeAll(async () => {
    const config = saslSsl("scram-sha-512", broker.scramUser, {
      EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN,
      EVENTSCOPE_DLQ_SCAN_INTERVAL: "300ms",
    });
    app = await start(config, { auth: authFeature, dlq: createDlqFeature(uniqueInternalTopics()) });
  }, 60_000);

  it("reports the broker up and reads new events: their trace is found through the API", async () => {
    const health = await getJson<HealthResponse>(`${app.url}/api/health?fresh=1`);
    expect(health.body.broker).toMatchObject({ state: "up", brokers: broker.saslSslAddress, error: null });
    const { topic, traceId } = await tracedTopic(3);
    const found = await traceHops(app, traceId, 3);
    expect(found.summary.topics).toEqual([topic]);
    expect(found.summary.services).toEqual(["shop"]);
  });

  it("polls a consumer group's committed offsets: lag is end offset minus committed offset", async () => {
    const { topic } = await tracedTopic(10);
    const group = uniqueName("secure-reader");
    await withAdmin((admin) =>
      admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: "4" }] }),
    );
    const detail = await waitFor(`lag of ${group}`, async () => {
      const { status, body } = await getJson<LagGroupDetailResponse>(`${app.url}/api/lag/${group}`);
      return status === 200 && body.partitions.length > 0 ? body : null;
    });
    expect(detail.partitions[0]).toMatchObject({
      partition: 0,
      currentOffset: "4",
      logEndOffset: "10",
      lag: "6",
    });
  });

  it("re-drives 50 dead letters exactly once, and refuses a second re-drive of them with 409", async () => {
    const origin = uniqueName("secure-payments");
    const dlqTopic = `${origin}.DLQ`;
    await createTestTopics({ topic: origin, numPartitions: 1 }, { topic: dlqTopic, numPartitions: 1 });
    await produceDeadLetters(dlqTopic, origin, 50);
    const admin = await signedIn(app.url);
    await waitFor(`${dlqTopic} loaded`, async () => {
      const { body } = await admin.get<DlqTopicsResponse>("/api/dlq");
      return body.topics.some((t) => t.topic === dlqTopic && t.loaded && t.total === 50);
    });
    const ids = Array.from({ length: 50 }, (_, i) => `${dlqTopic}/0/${i}`);
    const started = await admin.post<RedriveStartResponse>(`/api/dlq/${dlqTopic}/redrive`, {
      ids,
      ratePerSec: 10_000,
    });
    expect(started.status).toBe(202);
    const task = await waitFor(
      `re-drive task ${started.body.task.id} to finish`,
      async () => {
        const { body } = await admin.get<RedriveTask>(`/api/redrives/${started.body.task.id}`);
        return FINAL_REDRIVE_STATUSES.includes(body.status) ? body : null;
      },
      60_000,
    );
    expect(task).toMatchObject({ status: "completed", total: 50, moved: 50, failed: 0 });
    const again = await admin.post(`/api/dlq/${dlqTopic}/redrive`, { ids: ids.slice(0, 5) });
    expect(again.status).toBe(409);
    // Kafka answers a transaction's commit before its markers reach the target partition: until then a
    // read_committed reader sees nothing there yet, so read again until the letters show (all 50, once each).
    const onTarget = await waitFor("the re-driven letters on the target", async () => {
      const read = await readAll(origin);
      return read.length >= 50 ? read : null;
    });
    expect(new Set(onTarget.map((m) => String(m.headers?.["x-redriven-from"]))).size).toBe(50);
    expect(onTarget).toHaveLength(50);
  }, 90_000);
});

describe("other ways in", () => {
  afterAll(closeApps);

  it("reads over SASL_SSL with PLAIN and SCRAM-SHA-256, and over mutual TLS with a client certificate", async () => {
    const dashboards = await Promise.all([
      start(saslSsl("plain", broker.plainUser)),
      start(saslSsl("scram-sha-256", broker.scramSha256User)),
      start(
        secured({
          KAFKA_BROKERS: broker.mutualTlsAddress,
          KAFKA_SSL_CERT_FILE: broker.certificates.clientCertFile,
          KAFKA_SSL_KEY_FILE: broker.certificates.clientKeyFile,
        }),
      ),
    ]);
    const { traceId } = await tracedTopic(2);
    await Promise.all(dashboards.map((app) => traceHops(app, traceId, 2)));
    for (const app of dashboards) {
      const { body } = await getJson<HealthResponse>(`${app.url}/api/health`);
      expect(body.broker.state).toBe("up");
    }
  });
});

/** The broker status a page gets on connecting to the live socket. */
async function brokerStatusOnSocket(app: TestApp): Promise<BrokerStatus> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(app.url, {
    transports: ["websocket"],
  });
  try {
    return await new Promise<BrokerStatus>((resolve) => socket.once("broker:status", resolve));
  } finally {
    socket.disconnect();
  }
}

/** A line of the captured log at warn level or above (pino: 40 warn, 50 error, 60 fatal). */
const warnings = (lines: string[]) =>
  lines.filter((line) => (JSON.parse(line) as { level: number }).level >= 40);

describe("a refused connection", () => {
  const cases = [
    {
      what: "a wrong SCRAM-SHA-512 password",
      config: () => saslSsl("scram-sha-512", { ...broker.scramUser, password: "wrong-scram-5f0c2b9e" }),
      secrets: () => ["wrong-scram-5f0c2b9e", broker.scramUser.password],
      line: "SASL SCRAM SHA512 authentication failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512; check KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD",
    },
    {
      what: "a wrong PLAIN password",
      config: () => saslSsl("plain", { ...broker.plainUser, password: "wrong-plain-8d41a7c3" }),
      secrets: () => ["wrong-plain-8d41a7c3", broker.plainUser.password],
      line: "SASL PLAIN authentication failed: Authentication failed: Invalid username or password; check KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD",
    },
    {
      what: "a broker certificate signed by a CA Eventscope does not trust (no KAFKA_SSL_CA_FILE)",
      config: () => saslSsl("scram-sha-512", broker.scramUser, { KAFKA_SSL_CA_FILE: "" }),
      secrets: () => [broker.scramUser.password],
      line: "TLS: the broker's certificate is not trusted (self-signed certificate in certificate chain); set KAFKA_SSL_CA_FILE to the CA that signed it",
    },
    {
      what: "no client certificate for a listener that requires one (mutual TLS)",
      config: () => secured({ KAFKA_BROKERS: broker.mutualTlsAddress }),
      secrets: () => [],
      line: "TLS: the broker refused Eventscope's client certificate (or wants one); check KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE",
    },
  ];

  // At once: each case mostly waits (retries, the observation window), and one after another they took 30 s.
  it.concurrent.for(cases)(
    "with $what: the broker status (health API, UI socket) and the log say so in one line, never the password, and the server stays up",
    async ({ config, secrets, line }, { expect }) => {
      const log = recordingLogger();
      const app = await startTestApp(config(), ALL_FEATURES, log.logger);
      try {
        const health = await getJson<HealthResponse>(`${app.url}/api/health?fresh=1`);
        expect(health.status).toBe(200);
        expect(health.body.status).toBe("degraded");
        expect(health.body.broker).toMatchObject({ state: "down", error: line });
        // What the connection badge shows on hover: the status the socket pushes to every page.
        const pushed = await brokerStatusOnSocket(app);
        expect(pushed).toMatchObject({ state: "down", error: line });

        // Every feature keeps retrying meanwhile (the broker is checked every 500 ms, topics every 2 s).
        await new Promise((resolve) => setTimeout(resolve, 4_000));
        const later = await getJson<HealthResponse>(`${app.url}/api/health`);
        expect(later.body.broker.error).toBe(line);
        expect((await fetch(`${app.url}/api/traces`)).status).toBe(200);
        const metricsResponse = await fetch(`${app.url}/metrics`);
        expect(metricsResponse.status).toBe(200);
        const metrics = await metricsResponse.text();
        const stating = warnings(log.lines).filter((l) => l.includes(JSON.stringify(line)));
        expect(stating, "the cause, stated once").toHaveLength(1);
        expect(stating[0]).toContain('"msg":"Kafka unreachable"');
        const fromKafkajs = warnings(log.lines).filter((l) => l.includes('"component":"kafkajs"'));
        expect(fromKafkajs, "kafkajs' per-attempt lines stay at debug").toEqual([]);
        for (const secret of secrets()) {
          expect(log.lines.filter((l) => l.includes(secret))).toEqual([]);
          expect(health.text + later.text + JSON.stringify(pushed) + metrics).not.toContain(secret);
        }
      } finally {
        await app.close();
      }
    },
  );
});
