/** Scratch: sample traffic with a healthy, a lagging and a half-committed group, for looking at the UI. */
import { testKafka, withAdmin } from "@/server/test-support/kafka";

const suffix = process.argv[2] ?? "demo";
const topics = {
  orders: `shop.orders.${suffix}`,
  payments: `shop.payments.${suffix}`,
  audit: `audit-${suffix}`,
};
await withAdmin(async (admin) => {
  const existing = new Set(await admin.listTopics());
  const wanted = [
    { topic: topics.orders, numPartitions: 3 },
    { topic: topics.payments, numPartitions: 2 },
    { topic: topics.audit, numPartitions: 2 },
  ].filter((t) => !existing.has(t.topic));
  if (wanted.length) await admin.createTopics({ topics: wanted });
});
const kafka = testKafka("sample-load");
const producer = kafka.producer();
await producer.connect();
let i = 0;
setInterval(() => {
  i += 1;
  void producer.send({ topic: topics.orders, messages: [{ key: `k${i}`, value: `order ${i}` }] });
  if (i % 2 === 0)
    void producer.send({ topic: topics.payments, messages: [{ key: `k${i}`, value: `pay ${i}` }] });
  if (i % 5 === 0) void producer.send({ topic: topics.audit, messages: [{ partition: 0, value: `a ${i}` }] });
}, 100);

async function consume(groupId: string, subscribe: string[], pauseAfterMs?: number) {
  const c = kafka.consumer({ groupId });
  await c.connect();
  for (const topic of subscribe) await c.subscribe({ topic, fromBeginning: true });
  await c.run({ eachMessage: async () => undefined });
  if (pauseAfterMs) setTimeout(() => c.pause(subscribe.map((topic) => ({ topic }))), pauseAfterMs);
}
await consume(`order-projector-${suffix}`, [topics.orders, topics.payments]);
await consume(`mailer-${suffix}`, [topics.orders], 20_000);
await consume(`audit-archiver-${suffix}`, [topics.audit]);
console.log("sample groups running");
