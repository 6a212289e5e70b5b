/**
 * Hostile records for the render checks: markup and script URLs in keys, values, header names and values,
 * ids, a dead letter's error and a consumer group id, produced to the e2e stack's own broker. Every payload
 * sets `window.__hostile` (and opens a dialog) if a page ever runs it.
 */
import { randomUUID } from "node:crypto";
import { type Consumer, Kafka, logLevel } from "kafkajs";
import { brokerAddress, brokerInstance, e2eBrokerOverrides } from "../../scripts/kafka/paths";

export const XSS = `<img src=x onerror="window.__hostile=1;alert(1)">`;
export const SCRIPT = `</script><script>window.__hostile=1;alert(1)</script>`;
export const JS_URL = "javascript:window.__hostile=1;alert(1)";

export interface HostileFixture {
  topic: string;
  dlqTopic: string;
  groupId: string;
  traceId: string;
  /** Stops the hostile consumer group and deletes the topics. */
  cleanUp(): Promise<void>;
}

const kafka = () =>
  new Kafka({
    clientId: `e2e-hostile-${randomUUID().slice(0, 8)}`,
    brokers: [brokerAddress(brokerInstance(e2eBrokerOverrides))],
    logLevel: logLevel.NOTHING,
  });

export async function produceHostileRecords(): Promise<HostileFixture> {
  const id = randomUUID().slice(0, 8);
  const topic = `hostile-render-${id}`;
  const dlqTopic = `hostile-render-${id}.DLQ`;
  const groupId = `${XSS}-${id}`;
  const traceId = `${id}${"0".repeat(24)}`;
  const k = kafka();
  const admin = k.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [
      { topic, numPartitions: 1 },
      { topic: dlqTopic, numPartitions: 1 },
    ],
    waitForLeaders: true,
  });
  const producer = k.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const headers = {
    traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    service: XSS,
    ce_type: SCRIPT,
    "correlation-id": JS_URL,
    [XSS]: SCRIPT,
    "x-link": JS_URL,
  };
  await producer.send({
    topic,
    messages: [
      { key: XSS, value: JSON.stringify({ type: SCRIPT, html: XSS, link: JS_URL }), headers },
      { key: SCRIPT, value: `${SCRIPT}${XSS}`, headers },
    ],
  });
  await producer.send({
    topic: dlqTopic,
    messages: [
      {
        key: XSS,
        value: XSS,
        headers: {
          ...headers,
          "x-original-topic": topic,
          "x-error-type": XSS,
          "x-error-message": SCRIPT,
        },
      },
    ],
  });
  await producer.disconnect();
  const consumer: Consumer = k.consumer({ groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async () => undefined });
  return {
    topic,
    dlqTopic,
    groupId,
    traceId,
    async cleanUp() {
      await consumer.disconnect().catch(() => undefined);
      await admin.deleteTopics({ topics: [topic, dlqTopic] }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
