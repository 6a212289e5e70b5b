import { afterAll, describe, expect, it } from "vitest";
import { type DlqTopicsResponse, FINAL_REDRIVE_STATUSES, type RedriveTask } from "@/lib/api/dlq";
import type { TestApp } from "@/server/test-support/app";
import { testConfig } from "@/server/test-support/config";
import { createTestTopics, deleteTestTopics, uniqueName } from "@/server/test-support/kafka";
import {
  ADMIN_TOKEN,
  type Client,
  produceDeadLetters,
  readAll,
  signedIn,
  startDlqApp,
  uniqueInternalTopics,
  waitFor,
} from "@/server/dlq/testing/support";

const LETTERS = 1_000;
const created: string[] = [];
const apps: TestApp[] = [];

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await deleteTestTopics(created);
});

describe("re-drive across two instances", () => {
  it("sends each of 1,000 letters once when two instances with different client ids re-drive them all at once", async () => {
    const origin = uniqueName("orders");
    const dlq = `${origin}.DLQ`;
    const topics = uniqueInternalTopics();
    created.push(origin, dlq, topics.ledger, topics.tasks, topics.audit);
    await createTestTopics({ topic: origin, numPartitions: 3 }, { topic: dlq, numPartitions: 1 });
    await produceDeadLetters(dlq, origin, LETTERS);
    const clusterName = uniqueName("es-cluster");
    const clients: Client[] = [];
    for (const clientId of [uniqueName("es-a"), uniqueName("es-b")]) {
      const config = testConfig({
        KAFKA_CLIENT_ID: clientId,
        EVENTSCOPE_CLUSTER_NAME: clusterName,
        EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN,
        EVENTSCOPE_DLQ_SCAN_INTERVAL: "300ms",
      });
      const app = await startDlqApp(config, topics);
      apps.push(app);
      const c = await signedIn(app.url);
      await waitFor(`${dlq} loaded on ${app.url}`, async () => {
        const { body } = await c.get<DlqTopicsResponse>("/api/dlq");
        const t = body.topics.find((x) => x.topic === dlq);
        return body.state === "ready" && t?.loaded && t.total === LETTERS;
      });
      clients.push(c);
    }

    const ids = Array.from({ length: LETTERS }, (_, i) => `${dlq}/0/${i}`);
    const answers = await Promise.all(
      clients.map((c) =>
        c.post<{ task: RedriveTask }>(`/api/dlq/${dlq}/redrive`, { ids, ratePerSec: 10_000 }),
      ),
    );
    // Each instance either runs a task or refuses (409: already re-driven or running elsewhere).
    for (const [i, answer] of answers.entries()) {
      expect([202, 409]).toContain(answer.status);
      if (answer.status !== 202) continue;
      await waitFor(
        `task on instance ${i} to finish`,
        async () => {
          const { body } = await clients[i]!.get<RedriveTask>(`/api/redrives/${answer.body.task.id}`);
          return FINAL_REDRIVE_STATUSES.includes(body.status) ? body : null;
        },
        90_000,
      );
    }
    expect(answers.some((a) => a.status === 202)).toBe(true);

    const onTarget = await readAll(origin);
    const from = onTarget.map((m) => String(m.headers?.["x-redriven-from"] ?? ""));
    expect(new Set(from)).toEqual(new Set(ids));
    expect(onTarget).toHaveLength(LETTERS);
  }, 180_000);
});
