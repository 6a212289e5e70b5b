/**
 * Many topics deleted at once while the collector reads them (a test suite or a cleanup script does this):
 * the collector restarts its consumer over the remaining topics, and the topic that keeps flowing keeps
 * arriving in the store — before, that restart could hang in kafkajs' metadata retries and the store froze.
 * The doomed topics appear while the collector runs, as in a test suite, so extra consumers read them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectorFeature } from "@/server/collector/collector-feature";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { storedEventCount } from "@/server/test-support/stored-events";
import {
  createTestTopics,
  deleteTestTopics,
  testKafka,
  uniqueName,
  withAdmin,
} from "@/server/test-support/kafka";

let app: TestApp;
const prefix = uniqueName("doomed-many");
const doomed = Array.from({ length: 20 }, (_, n) => `${prefix}-${n}`);
const kept = uniqueName("kept-flowing");
const producer = testKafka().producer({ allowAutoTopicCreation: false });

const count = (topic: string) => storedEventCount(app.url, topic);

beforeAll(async () => {
  await createTestTopics({ topic: kept, numPartitions: 2 });
  await producer.connect();
  app = await startTestApp(testConfig({ KAFKA_CLIENT_ID: uniqueName("es"), EVENTSCOPE_LOOKBACK: "1m" }), {
    collector: collectorFeature,
  });
  // Created while the collector runs, a few at a time, as a test suite does: each wave gets read by an
  // extra consumer of its own before they are all deleted together.
  for (let wave = 0; wave < doomed.length; wave += 4) {
    const topics = doomed.slice(wave, wave + 4);
    await createTestTopics(...topics.map((topic) => ({ topic, numPartitions: 2 })));
    await new Promise((r) => setTimeout(r, 2_500));
  }
}, 120_000);

afterAll(async () => {
  await producer.disconnect();
  await app?.close();
  await deleteTestTopics([kept]);
});

describe("collector", () => {
  it("keeps storing a flowing topic's events after 20 topics it reads are deleted at once", async () => {
    for (const topic of [...doomed, kept]) await producer.send({ topic, messages: [{ value: "before" }] });
    await eventually(
      async () => ((await count(kept)) === 1 && (await count(doomed[19]!)) === 1 ? true : undefined),
      30_000,
      "every topic read",
    );

    await withAdmin((admin) => admin.deleteTopics({ topics: doomed }));
    // The kept topic flows on, one event every 250 ms for 40 s; each 5-second stretch must be in the store
    // within 25 s, so the store never stops advancing.
    let sent = 1;
    for (let second = 0; second < 40; second += 5) {
      for (let i = 0; i < 20; i++) {
        await producer.send({ topic: kept, messages: [{ value: `after ${sent}` }] });
        sent += 1;
        await new Promise((r) => setTimeout(r, 250));
      }
      const expected = sent;
      await eventually(
        async () => ((await count(kept)) >= expected ? true : undefined),
        25_000,
        `${expected} events of the kept topic in the store`,
      );
    }
    expect(await count(kept)).toBe(sent);
  }, 150_000);
});
