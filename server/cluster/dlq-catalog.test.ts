import type { Consumer } from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import type { DlqTopicsResponse } from "@/lib/api/dlq";
import { authFeature } from "@/server/auth";
import { INSTANCE_HEADER } from "@/server/cluster/ownership";
import { ownershipFeature } from "@/server/cluster/ownership-feature";
import { createDlqFeature } from "@/server/dlq";
import { sharedCatalogTopic } from "@/server/dlq/shared-catalog";
import { client, produceDeadLetters, uniqueInternalTopics, waitFor } from "@/server/dlq/testing/support";
import { startTestApp, type TestApp } from "@/server/test-support/app";
import { TEST_REDIS_URL } from "@/server/test-support/cluster";
import { testConfig } from "@/server/test-support/config";
import {
  createTestTopics,
  deleteTestTopics,
  testKafka,
  uniqueName,
  withAdmin,
} from "@/server/test-support/kafka";

const created: string[] = [];
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const done of cleanup.reverse()) await done().catch(() => undefined);
  await deleteTestTopics(created);
});

/** The instances that published records about `keys` to the deployment's catalogue topic. */
async function publishers(topic: string, keys: string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  const consumer: Consumer = testKafka().consumer({
    groupId: uniqueName("catalog-watch"),
    maxWaitTimeInMs: 200,
  });
  cleanup.push(() => consumer.disconnect());
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (keys.includes(message.key?.toString() ?? ""))
        seen.add(message.headers?.[INSTANCE_HEADER]?.toString() ?? "?");
    },
  });
  return seen;
}

describe("the DLQ catalogue of a deployment of two instances", () => {
  it("is found by one instance and listed alike by both, also a DLQ known only by its headers whose letters come after it was sampled empty, and one that goes away", async () => {
    const byName = `${uniqueName("orders")}.DLQ`;
    const byHeaders = uniqueName("payments-failed");
    const origin = uniqueName("payments");
    created.push(byName, byHeaders, origin);
    const clusterName = uniqueName("es-catalog");
    const config = testConfig({
      KAFKA_CLIENT_ID: uniqueName("es-catalog"),
      EVENTSCOPE_CLUSTER_NAME: clusterName,
      EVENTSCOPE_REDIS_URL: TEST_REDIS_URL,
      EVENTSCOPE_DLQ_SCAN_INTERVAL: "300ms",
    });
    const internal = uniqueInternalTopics();
    created.push(internal.ledger, internal.tasks, internal.audit, sharedCatalogTopic(clusterName));
    const apps: TestApp[] = [];
    for (let i = 0; i < 2; i++) {
      const app = await startTestApp(config, {
        auth: authFeature,
        ownership: ownershipFeature,
        dlq: createDlqFeature(internal),
      });
      cleanup.push(() => app.close());
      apps.push(app);
    }
    // Both in the owner group first, so the topics below are found while one instance owns the catalogue.
    await waitFor("both instances in the owner group", () =>
      withAdmin(async (admin) => {
        const [group] = (await admin.describeGroups([`${clusterName}-owner`])).groups;
        return group?.state === "Stable" && group.members.length === 2;
      }),
    );
    await createTestTopics(
      { topic: byName, numPartitions: 1 },
      { topic: byHeaders, numPartitions: 1 },
      { topic: origin, numPartitions: 1 },
    );
    // The letters come a little after their topic, as when a service creates its DLQ at start: the owner
    // samples the topic while it is still empty and must look again once it is not.
    await new Promise((r) => setTimeout(r, 1_500));
    await produceDeadLetters(byHeaders, origin, 5);
    const listed = (app: TestApp) =>
      client(app.url)
        .get<DlqTopicsResponse>("/api/dlq")
        .then(({ body }) =>
          body.topics
            .filter((t) => t.topic === byName || t.topic === byHeaders)
            .map((t) => `${t.topic}:${t.recognisedBy}:${t.total}`)
            .sort(),
        );
    const expected = [`${byHeaders}:headers:5`, `${byName}:name:0`].sort();
    for (const app of apps)
      await waitFor(`both DLQs listed on ${app.url}`, async () => {
        const topics = await listed(app);
        return JSON.stringify(topics) === JSON.stringify(expected);
      });

    await withAdmin((admin) => admin.deleteTopics({ topics: [byName] }));
    for (const app of apps)
      await waitFor(
        `${byName} gone from ${app.url}`,
        async () => !(await listed(app)).some((t) => t.startsWith(byName)),
      );
    // Both DLQs, and the removal, were published by one instance: the owner.
    const seen = await publishers(sharedCatalogTopic(clusterName), [byName, byHeaders]);
    await waitFor("the catalogue records read back", async () => seen.size > 0);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(seen.size).toBe(1);
  }, 60_000);
});
