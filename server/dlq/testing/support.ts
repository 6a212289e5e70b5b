/** Helpers for the dead-letter integration tests (real broker): letters, sign-in, API calls, reading back. */
import { randomUUID } from "node:crypto";
import { type Kafka, type KafkaMessage, logLevel } from "kafkajs";
import { Kafka as KafkaClient } from "kafkajs";
import { afterAll, afterEach } from "vitest";
import { authFeature } from "@/server/auth";
import type { Config } from "@/server/config";
import { createDlqFeature } from "@/server/dlq/dlq-feature";
import type { InternalTopics } from "@/server/dlq/internal-topics";
import { startTestApp, type TestApp } from "@/server/test-support/app";
import { deleteTestTopics, testBrokers, uniqueName } from "@/server/test-support/kafka";

export const ADMIN_TOKEN = "test-admin-token-0123456789";

export function uniqueInternalTopics(): InternalTopics {
  const id = randomUUID().slice(0, 8);
  return {
    ledger: `__es_test_redrives_${id}`,
    tasks: `__es_test_tasks_${id}`,
    audit: `__es_test_audit_${id}`,
  };
}

/** `ledgerMaxBytes`: what the re-drive ledger may hold in memory (else the memory budget's share). */
export function startDlqApp(
  config: Config,
  topics: InternalTopics,
  ledgerMaxBytes?: number,
): Promise<TestApp> {
  return startTestApp(config, { auth: authFeature, dlq: createDlqFeature(topics, ledgerMaxBytes) });
}

/**
 * A test file's app and topics, cleaned up for it: the app a test starts is closed after that test, the
 * topics the file created are deleted after its last test.
 */
export function dlqTestScope(): {
  /** Topics to delete once the file's tests are done. */
  created: string[];
  /** startDlqApp, with the app closed after the test that started it. */
  start(...args: Parameters<typeof startDlqApp>): Promise<TestApp>;
} {
  const created: string[] = [];
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  afterAll(async () => {
    await deleteTestTopics(created);
  });
  return {
    created,
    async start(...args) {
      app = await startDlqApp(...args);
      return app;
    },
  };
}

export function kafka(): Kafka {
  return new KafkaClient({
    clientId: uniqueName("dlq-test"),
    brokers: testBrokers(),
    logLevel: logLevel.NOTHING,
  });
}

/**
 * `count` dead letters as the demo's payment service writes them (plain `x-original-*` family), each
 * value padded to about `valueBytes` when given.
 */
export async function produceDeadLetters(
  dlqTopic: string,
  origin: string,
  count: number,
  valueBytes = 0,
): Promise<void> {
  const producer = kafka().producer({ allowAutoTopicCreation: false });
  await producer.connect();
  // A send is one record batch per partition: it must stay under Kafka's max.message.bytes (1 MiB).
  const perSend = Math.max(1, Math.min(500, Math.floor((512 * 1024) / Math.max(1, valueBytes))));
  const padding = "x".repeat(valueBytes);
  try {
    for (let start = 0; start < count; start += perSend) {
      const messages = Array.from({ length: Math.min(perSend, count - start) }, (_, j) => {
        const i = start + j;
        const order = { orderId: `order-${i}`, amount: 10 + (i % 7) };
        return {
          key: `order-${i}`,
          value: JSON.stringify(valueBytes > 0 ? { ...order, padding } : order),
          headers: {
            traceparent: `00-${i.toString(16).padStart(32, "0").replace(/^0/, "a")}-00f067aa0ba902b7-01`,
            "x-original-topic": origin,
            "x-original-partition": "0",
            "x-original-offset": String(i),
            "x-error-type": i % 3 === 0 ? "PaymentTimeout" : "PaymentDeclined",
            "x-error-message": `payment for order-${i} failed`,
            "x-attempts": "3",
            "x-first-failure-at": new Date(1_700_000_000_000 + i).toISOString(),
          },
        };
      });
      await producer.send({ topic: dlqTopic, messages });
    }
  } finally {
    await producer.disconnect();
  }
}

/**
 * Every committed record of a topic (read_committed), read to its current end; with `uncommitted`, also
 * the records of open and aborted transactions.
 */
export async function readAll(
  topic: string,
  timeoutMs = 30_000,
  uncommitted = false,
): Promise<KafkaMessage[]> {
  const k = kafka();
  const admin = k.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(ends.filter((e) => e.high !== e.low).map((e) => [e.partition, BigInt(e.high)]));
  const out: KafkaMessage[] = [];
  if (remaining.size === 0) return out;
  const consumer = k.consumer({
    groupId: uniqueName("dlq-test-read"),
    readUncommitted: uncommitted,
    allowAutoTopicCreation: false,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const done = new Promise<void>((resolve) => {
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      const end = remaining.get(payload.partition);
      if (end !== undefined && BigInt(payload.lastOffset) + 1n >= end) remaining.delete(payload.partition);
      if (remaining.size === 0) resolve();
    });
  });
  await consumer.run({ eachMessage: async ({ message }) => void out.push(message) });
  const timer = new Promise<void>((_, reject) =>
    setTimeout(() => reject(new Error(`reading ${topic} timed out`)), timeoutMs),
  );
  try {
    await Promise.race([done, timer]);
  } finally {
    await consumer.disconnect();
  }
  return out;
}

export interface Client {
  cookie: string | null;
  origin: string;
  get<T>(path: string): Promise<{ status: number; body: T }>;
  post<T>(
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T }>;
}

export function client(baseUrl: string): Client {
  const c: Client = {
    cookie: null,
    origin: baseUrl,
    async get<T>(path: string) {
      const res = await fetch(`${baseUrl}${path}`, { headers: c.cookie ? { cookie: c.cookie } : {} });
      return { status: res.status, body: (await res.json()) as T };
    },
    async post<T>(path: string, body?: unknown, headers: Record<string, string> = {}) {
      const res = await fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: {
          origin: c.origin,
          ...(c.cookie ? { cookie: c.cookie } : {}),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const setCookie = res.headers.get("set-cookie");
      if (setCookie) c.cookie = setCookie.split(";")[0] ?? null;
      return { status: res.status, body: (await res.json()) as T };
    },
  };
  return c;
}

export async function signedIn(baseUrl: string): Promise<Client> {
  const c = client(baseUrl);
  const res = await c.post("/api/auth/sign-in", { token: ADMIN_TOKEN, name: "tester" });
  if (res.status !== 200) throw new Error(`sign-in failed with ${res.status}`);
  return c;
}

export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 200,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
