/**
 * A whole demo shop per test file, on topics and groups of its own (a unique prefix), with the load
 * generator off, short retry delays and a recording mailer. Removes its topics and groups afterwards
 * so test runs do not litter the developer's broker (and dashboard).
 */
import { Kafka, logLevel, type Producer } from "kafkajs";
import { testBrokers, uniqueName } from "@/server/test-support/kafka";
import { allTopics, type DemoConfig, defaultControl, demoConfig } from "../config";
import { createDemoLogger } from "../logger";
import { type Email, recordingMailer } from "../notification/mailer";
import { type DemoSystem, startDemoSystem } from "../system";
import { TopicRecorder } from "./recorder";

/** The gateway's 202 answer to POST /orders. */
export interface Accepted {
  orderId: string;
  traceId: string;
  traceparent: string;
  statusUrl: string;
}

/** An order every test can place: in stock, well below the payment limit. */
export const mugs = { customerId: "cust-7", items: [{ sku: "sku-ceramic-mug", qty: 2 }], amount: 19.8 };

export interface TestDemo {
  config: DemoConfig;
  system: DemoSystem;
  records: TopicRecorder;
  emails: Email[];
  /** A gateway request; `T` is the JSON body the test expects back. */
  request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  /** POST /orders (default body: `mugs`); throws unless the gateway accepts it. */
  placeOrder(body?: unknown): Promise<Accepted>;
  /** Polls GET /orders/:id until the order has `status` (15 s at most); returns the order. */
  waitForStatus(orderId: string, status: string): Promise<Record<string, unknown>>;
  /** For test input the shop did not produce itself (re-drives). */
  producer: Producer;
  stop(): Promise<void>;
}

export async function startTestDemo(overrides: Partial<DemoConfig> = {}): Promise<TestDemo> {
  const prefix = `${uniqueName("t-demo")}.`;
  const config = demoConfig({
    prefix,
    brokers: testBrokers(),
    gatewayPort: 0,
    retryDelaysMs: [500, 1_500],
    initialControl: { ...defaultControl, rate: 0 },
    statsIntervalMs: 0,
    ...overrides,
  });
  const logger = createDemoLogger(process.env.EVENTSCOPE_TEST_LOG ?? "silent", false);
  const mailer = recordingMailer();
  const system = await startDemoSystem(config, logger, mailer);
  const kafka = new Kafka({ clientId: `${prefix}test`, brokers: config.brokers, logLevel: logLevel.NOTHING });
  const records = await TopicRecorder.start(kafka, `${prefix}recorder`, allTopics(config.topics));
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();

  const request = async <T>(method: string, path: string, body?: unknown) => {
    const res = await fetch(`${system.gatewayUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  return {
    config,
    system,
    records,
    emails: mailer.sent,
    producer,
    request,
    async placeOrder(body = mugs) {
      const res = await request<Accepted>("POST", "/orders", body);
      if (res.status !== 202)
        throw new Error(`POST /orders answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async waitForStatus(orderId, status) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const res = await request<Record<string, unknown>>("GET", `/orders/${orderId}`);
        if (res.body.status === status) return res.body;
        if (Date.now() > deadline)
          throw new Error(`order ${orderId} is ${String(res.body.status)}, not ${status}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      await system.stop();
      await records.stop();
      await producer.disconnect();
      const admin = kafka.admin();
      await admin.connect();
      try {
        const groups = [...Object.values(config.groups), `${prefix}recorder`];
        await admin.deleteGroups(groups).catch(() => undefined);
        await admin.deleteTopics({ topics: allTopics(config.topics) }).catch(() => undefined);
      } finally {
        await admin.disconnect();
      }
    },
  };
}
