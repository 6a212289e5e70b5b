/** `GET /api/lag` says which groups are Eventscope's own (named `<KAFKA_CLIENT_ID>-…`), on the real broker. */
import { afterEach, describe, expect, it } from "vitest";
import { lagGroupsResponseSchema } from "@/lib/api/lag";
import { lagFeature } from "@/server/lag";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import { createTestTopics, testKafka, uniqueName, withAdmin } from "@/server/test-support/kafka";

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe("GET /api/lag", () => {
  it("flags Eventscope's own consumer groups as internal and the user's as not", async () => {
    const clientId = uniqueName("scope");
    const topic = uniqueName("internal-flag");
    const own = `${clientId}-collector`;
    const users = uniqueName("billing");
    await createTestTopics({ topic });
    const producer = testKafka().producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({ topic, messages: [{ value: "one" }, { value: "two" }] });
    await producer.disconnect();
    await withAdmin(async (admin) => {
      for (const groupId of [own, users])
        await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: "1" }] });
    });

    app = await startTestApp(testConfig({ KAFKA_CLIENT_ID: clientId, EVENTSCOPE_LAG_INTERVAL: "500ms" }), {
      lag: lagFeature,
    });
    const url = `${app.url}/api/lag`;
    const groups = await eventually(
      async () => {
        const body = lagGroupsResponseSchema.parse(await (await fetch(url)).json());
        const mine = body.groups.filter((g) => g.id === own || g.id === users);
        return mine.length === 2 ? mine : undefined;
      },
      20_000,
      "both groups in /api/lag",
    );
    expect(Object.fromEntries(groups.map((g) => [g.id, g.internal]))).toEqual({
      [own]: true,
      [users]: false,
    });
  });
});
