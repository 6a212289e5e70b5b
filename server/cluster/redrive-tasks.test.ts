import { afterAll, describe, expect, it } from "vitest";
import { type DlqTopicsResponse, FINAL_REDRIVE_STATUSES, type RedriveTask } from "@/lib/api/dlq";
import type { ApiErrorBody } from "@/lib/errors";
import { authFeature } from "@/server/auth";
import { ownershipFeature } from "@/server/cluster/ownership-feature";
import { createDlqFeature } from "@/server/dlq";
import {
  ADMIN_TOKEN,
  type Client,
  client,
  produceDeadLetters,
  readAll,
  signedIn,
  uniqueInternalTopics,
  waitFor,
} from "@/server/dlq/testing/support";
import { startTestApp, type TestApp } from "@/server/test-support/app";
import { TEST_REDIS_URL } from "@/server/test-support/cluster";
import { testConfig } from "@/server/test-support/config";
import { createTestTopics, deleteTestTopics, uniqueName } from "@/server/test-support/kafka";

const LETTERS = 300;
const created: string[] = [];
const apps: TestApp[] = [];
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await deleteTestTopics(created);
});

const loaded = (c: Client, dlq: string) =>
  waitFor(`${dlq} loaded on ${c.origin}`, async () => {
    const { body } = await c.get<DlqTopicsResponse>("/api/dlq");
    const t = body.topics.find((x) => x.topic === dlq);
    return body.state === "ready" && t?.loaded && t.total === LETTERS;
  });

const taskOn = async (c: Client, id: string) => (await c.get<RedriveTask>(`/api/redrives/${id}`)).body;

describe("a re-drive task in a deployment of two instances", () => {
  it("runs once cluster-wide: the other instance shows it, refuses a second, cancels it and resumes it, with every letter sent once", async () => {
    const origin = uniqueName("orders");
    const dlq = `${origin}.DLQ`;
    const topics = uniqueInternalTopics();
    created.push(origin, dlq, topics.ledger, topics.tasks, topics.audit);
    await createTestTopics({ topic: origin, numPartitions: 3 }, { topic: dlq, numPartitions: 1 });
    await produceDeadLetters(dlq, origin, LETTERS);
    // The same settings on both, as behind a load balancer; Redis makes them one deployment.
    const config = testConfig({
      KAFKA_CLIENT_ID: uniqueName("es-tasks"),
      EVENTSCOPE_CLUSTER_NAME: uniqueName("es-tasks"),
      EVENTSCOPE_REDIS_URL: TEST_REDIS_URL,
      EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN,
      EVENTSCOPE_DLQ_SCAN_INTERVAL: "300ms",
    });
    const start = async () => {
      const app = await startTestApp(config, {
        auth: authFeature,
        ownership: ownershipFeature,
        dlq: createDlqFeature(topics),
      });
      apps.push(app);
      return app;
    };

    const onA = await signedIn((await start()).url);
    await loaded(onA, dlq);
    const ids = Array.from({ length: LETTERS }, (_, i) => `${dlq}/0/${i}`);
    const started = await onA.post<{ task: RedriveTask }>(`/api/dlq/${dlq}/redrive`, { ids, ratePerSec: 30 });
    expect(started.status).toBe(202);
    const id = started.body.task.id;
    await waitFor("the task moving on A", async () => (await taskOn(onA, id)).moved > 0);

    // B joins while A's task runs: it leaves the task alone and shows it as running.
    const onB = client((await start()).url);
    onB.cookie = onA.cookie;
    await loaded(onB, dlq);
    expect((await taskOn(onB, id)).status).toBe("running");
    expect((await taskOn(onA, id)).status).toBe("running");
    const second = await onB.post<ApiErrorBody>(`/api/dlq/${dlq}/redrive`, { ids, ratePerSec: 30 });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain(id);

    // Cancelled on B, the task stops on A.
    expect((await onB.post<RedriveTask>(`/api/redrives/${id}/cancel`)).status).toBe(200);
    const cancelled = await waitFor("A cancelling the task", async () => {
      const task = await taskOn(onA, id);
      return FINAL_REDRIVE_STATUSES.includes(task.status) ? task : null;
    });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.moved).toBeLessThan(LETTERS);

    // Resumed on B, it finishes there; every letter reaches the target once.
    await waitFor("B reading the task's end", async () => (await taskOn(onB, id)).status === "cancelled");
    expect((await onB.post<RedriveTask>(`/api/redrives/${id}/resume`)).status).toBe(200);
    const done = await waitFor(
      "the resumed task ending on B",
      async () => {
        const task = await taskOn(onB, id);
        return FINAL_REDRIVE_STATUSES.includes(task.status) ? task : null;
      },
      30_000,
    );
    expect(done).toMatchObject({ status: "completed", moved: LETTERS, resumes: 1 });
    const onTarget = await readAll(origin);
    expect(onTarget).toHaveLength(LETTERS);
    expect(new Set(onTarget.map((m) => String(m.headers?.["x-redriven-from"] ?? "")))).toEqual(new Set(ids));
  }, 60_000);
});
