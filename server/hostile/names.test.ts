import type { Consumer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DlqTopicsResponse } from "@/lib/api/dlq";
import type { TopicsResponse } from "@/lib/api/flows";
import type { TestApp } from "@/server/test-support/app";
import { eventually } from "@/server/test-support/eventually";
import { createTopic, produceCases, startHostileApp } from "@/server/test-support/hostile";
import { deleteTestTopics, testKafka, uniqueName, withAdmin } from "@/server/test-support/kafka";

const XSS = '<img src=x onerror="globalThis.__hostile=1">';

/** Group ids are any string a client picks: markup, bidi overrides, control characters, slashes. */
const hostileGroups = [
  `${XSS}-${uniqueName("g")}`,
  `\u202e${uniqueName("rtl")}\u0000\u001b[31m`,
  `../../api/${uniqueName("path")}?x=1#y`,
];

const topic = uniqueName("hostile-names");
/** Kafka allows topic names up to 249 of [a-zA-Z0-9._-]; the longest legal one. */
const longTopic = `hostile-long-${"x".repeat(249 - "hostile-long-".length)}`;
const dlqTopic = `${uniqueName("hostile")}.DLQ`;
let app: TestApp;
const consumers: Consumer[] = [];

beforeAll(async () => {
  await createTopic(topic);
  await createTopic(longTopic);
  await createTopic(dlqTopic);
  await produceCases(topic, [{ name: "r", value: "{}" }]);
  await produceCases(longTopic, [{ name: "r", value: "{}" }]);
  await produceCases(dlqTopic, [
    {
      name: "letter",
      value: XSS,
      headers: {
        "x-original-topic": `</script>${XSS}`,
        "x-original-partition": "not-a-number",
        "x-original-offset": "99999999999999999999999999",
        "x-error-type": XSS,
        "x-error-message": "javascript:globalThis.__hostile=1",
      },
    },
  ]);
  for (const groupId of hostileGroups) {
    const consumer = testKafka().consumer({ groupId, allowAutoTopicCreation: false });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async () => undefined });
    consumers.push(consumer);
  }
  app = await startHostileApp();
}, 120_000);

afterAll(async () => {
  for (const c of consumers) await c.disconnect().catch(() => undefined);
  await app?.close();
  await withAdmin((admin) => admin.deleteGroups(hostileGroups)).catch(() => undefined);
  await deleteTestTopics([topic, longTopic, dlqTopic]);
});

describe("hostile names", () => {
  it.each(hostileGroups)("consumer group %j: listed by /api/lag, its own page answers", async (groupId) => {
    const listed = await eventually(
      async () => {
        const res = await fetch(`${app.url}/api/lag`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as { groups: { id: string }[] };
        return body.groups.some((g) => g.id === groupId) ? true : undefined;
      },
      30_000,
      `group ${JSON.stringify(groupId)} in /api/lag`,
    );
    expect(listed).toBe(true);
    expect((await fetch(`${app.url}/api/lag/${encodeURIComponent(groupId)}`)).status).toBe(200);
    expect((await fetch(`${app.url}/api/flows`)).status).toBe(200);
  });

  it("the longest legal topic name is listed by /api/topics and its events answer", async () => {
    await eventually(
      async () => {
        const body = (await (await fetch(`${app.url}/api/topics`)).json()) as TopicsResponse;
        return body.topics.some((t) => t.name === longTopic) ? true : undefined;
      },
      30_000,
      "the long topic in /api/topics",
    );
    expect((await fetch(`${app.url}/api/events?topic=${longTopic}`)).status).toBe(200);
  });

  it("a topic name Kafka itself refuses (markup) is refused, not created", async () => {
    await expect(createTopic(`<script>${uniqueName("t")}`)).rejects.toThrow();
    expect((await fetch(`${app.url}/api/events?topic=${encodeURIComponent("<script>x")}`)).status).toBe(200);
  });

  it("a dead letter whose origin headers are markup and nonsense numbers is listed and served", async () => {
    await eventually(
      async () => {
        const body = (await (await fetch(`${app.url}/api/dlq`)).json()) as DlqTopicsResponse;
        return body.topics.find((t) => t.topic === dlqTopic)?.total === 1 ? true : undefined;
      },
      30_000,
      `${dlqTopic} in /api/dlq`,
    );
    const res = await fetch(`${app.url}/api/dlq/${encodeURIComponent(dlqTopic)}/messages`);
    expect(res.status).toBe(200);
    expect((await res.json()) as { total: number }).toMatchObject({ total: 1 });
  });
});
