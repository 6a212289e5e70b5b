/** A topic deleted while the collector reads it: the collector keeps reading every other topic. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { storedEventCount } from "@/server/test-support/stored-events";
import { testKafka, uniqueName, withAdmin } from "@/server/test-support/kafka";

let app: TestApp;
const doomed = uniqueName("doomed");
const kept = uniqueName("kept");
const producer = testKafka().producer({ allowAutoTopicCreation: false });

const count = (topic: string) => storedEventCount(app.url, topic);

beforeAll(async () => {
  await withAdmin((admin) =>
    admin.createTopics({
      topics: [doomed, kept].map((topic) => ({ topic, numPartitions: 2 })),
      waitForLeaders: true,
    }),
  );
  await producer.connect();
  app = await startTestApp(testConfig({ KAFKA_CLIENT_ID: uniqueName("es"), EVENTSCOPE_LOOKBACK: "1m" }));
});

afterAll(async () => {
  await producer.disconnect();
  await app?.close();
  await withAdmin((admin) => admin.deleteTopics({ topics: [kept] })).catch(() => undefined);
});

describe("collector", () => {
  it("keeps reading the other topics after one it reads is deleted", async () => {
    for (const topic of [doomed, kept]) await producer.send({ topic, messages: [{ value: "before" }] });
    await eventually(
      async () => ((await count(doomed)) === 1 && (await count(kept)) === 1 ? true : undefined),
      20_000,
      "both topics read",
    );

    await withAdmin((admin) => admin.deleteTopics({ topics: [doomed] }));
    const after = Date.now();
    await producer.send({ topic: kept, messages: Array.from({ length: 10 }, () => ({ value: "after" })) });
    await eventually(
      async () => ((await count(kept)) === 11 ? true : undefined),
      30_000,
      "the kept topic's new events",
    );
    expect(Date.now() - after).toBeLessThan(30_000);
  });
});
