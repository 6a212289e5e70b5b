/**
 * Eventscope's own consumer groups: after a run — a DLQ read, a new topic noticed after start — only the
 * collector's one stable group is left in the cluster's group list; nothing per start piles up.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { DlqTopicsResponse } from "@/lib/api/dlq";
import { type TestApp, startTestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { eventually } from "@/server/test-support/eventually";
import {
  createTestTopics,
  deleteTestTopics,
  testKafka,
  uniqueName,
  withAdmin,
} from "@/server/test-support/kafka";

const clientId = uniqueName("es-groups");
const dlq = `${uniqueName("groups-orders")}.DLQ`;
const late = uniqueName("groups-late");
let app: TestApp | undefined;

afterAll(async () => {
  await app?.close();
  await deleteTestTopics([dlq, late]);
});

const ownGroups = () =>
  withAdmin(async (admin) =>
    (await admin.listGroups()).groups.map((g) => g.groupId).filter((id) => id.startsWith(`${clientId}-`)),
  );

describe("Eventscope's own consumer groups", () => {
  it("leaves only the collector's stable group behind after a run", async () => {
    await createTestTopics({ topic: dlq, numPartitions: 1 });
    const producer = testKafka().producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({
      topic: dlq,
      messages: [{ value: "poison", headers: { "x-original-topic": "orders" } }],
    });
    app = await startTestApp(
      testConfig({
        KAFKA_CLIENT_ID: clientId,
        EVENTSCOPE_LOOKBACK: "1m",
        EVENTSCOPE_DLQ_SCAN_INTERVAL: "300ms",
      }),
    );
    await eventually(
      async () => {
        const body = (await (await fetch(`${app!.url}/api/dlq`)).json()) as DlqTopicsResponse;
        return body.topics.some((t) => t.topic === dlq && t.loaded) ? true : undefined;
      },
      30_000,
      "the DLQ read",
    );
    // A topic created now is read by an extra reader with a group of its own.
    await createTestTopics({ topic: late, numPartitions: 1 });
    await producer.send({ topic: late, messages: [{ value: "{}" }] });
    await producer.disconnect();
    await eventually(
      async () => ((await ownGroups()).some((g) => g.includes("-collector-new-")) ? true : undefined),
      20_000,
      "the extra reader's group",
    );
    await app.close();
    app = undefined;
    expect(await ownGroups()).toEqual([`${clientId}-collector`]);
  });
});
