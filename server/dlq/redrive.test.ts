import { describe, expect, it } from "vitest";
import type {
  DeadLettersResponse,
  DlqTopicsResponse,
  RedriveDryRunResponse,
  RedriveStartResponse,
  RedriveTask,
} from "@/lib/api/dlq";
import { FINAL_REDRIVE_STATUSES } from "@/lib/api/dlq";
import type { ApiErrorBody } from "@/lib/errors";
import { testConfig } from "@/server/test-support/config";
import { createTestTopics, uniqueName } from "@/server/test-support/kafka";
import {
  ADMIN_TOKEN,
  type Client,
  produceDeadLetters,
  readAll,
  signedIn,
  dlqTestScope,
  uniqueInternalTopics,
  waitFor,
} from "@/server/dlq/testing/support";

/** Figures and progress go to stdout as plain lines (the parent test or a human reads them). */
const report = (line: string) => void process.stdout.write(`${line}\n`);

const scope = dlqTestScope();

async function setup(count: number) {
  const origin = uniqueName("orders");
  const dlq = `${origin}.DLQ`;
  const topics = uniqueInternalTopics();
  scope.created.push(origin, dlq, topics.ledger, topics.tasks, topics.audit);
  await createTestTopics({ topic: origin, numPartitions: 3 }, { topic: dlq, numPartitions: 1 });
  await produceDeadLetters(dlq, origin, count);
  const config = testConfig({ EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN, EVENTSCOPE_DLQ_SCAN_INTERVAL: "300ms" });
  const app = await scope.start(config, topics);
  const c = await signedIn(app.url);
  await waitForLoaded(c, dlq, count);
  return { origin, dlq, topics, config, c };
}

async function waitForLoaded(c: Client, dlq: string, count: number) {
  await waitFor(`${dlq} loaded`, async () => {
    const { body } = await c.get<DlqTopicsResponse>("/api/dlq");
    const t = body.topics.find((x) => x.topic === dlq);
    return body.state === "ready" && t?.loaded && t.total === count;
  });
}

async function finished(c: Client, taskId: string, timeoutMs = 60_000): Promise<RedriveTask> {
  return waitFor(
    `task ${taskId} to finish`,
    async () => {
      const { body } = await c.get<RedriveTask>(`/api/redrives/${taskId}`);
      return FINAL_REDRIVE_STATUSES.includes(body.status) ? body : null;
    },
    timeoutMs,
  );
}

function redrivenFrom(messages: { headers?: Record<string, unknown> }[]): string[] {
  return messages.map((m) => String(m.headers?.["x-redriven-from"] ?? ""));
}

describe("re-drive", () => {
  it("re-drives 1,000 dead letters exactly once, and refuses a second re-drive of them with 409", async () => {
    const { origin, dlq, c } = await setup(1_000);
    const ids = Array.from({ length: 1_000 }, (_, i) => `${dlq}/0/${i}`);

    const dry = await c.post<RedriveDryRunResponse>(`/api/dlq/${dlq}/redrive`, { ids, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.plan).toMatchObject({ selected: 1_000, toSend: 1_000, alreadyRedriven: [], missing: [] });
    expect(dry.body.plan.targets).toEqual([{ topic: origin, count: 1_000, derived: false }]);
    expect(await readAll(origin)).toHaveLength(0);

    const started = Date.now();
    const res = await c.post<RedriveStartResponse>(`/api/dlq/${dlq}/redrive`, { ids, ratePerSec: 10_000 });
    expect(res.status).toBe(202);
    const task = await finished(c, res.body.task.id);
    const seconds = (Date.now() - started) / 1000;
    report(`[dlq] re-drove 1,000 letters in ${seconds.toFixed(2)} s (${Math.round(1000 / seconds)}/s)`);
    expect(task).toMatchObject({ status: "completed", total: 1_000, moved: 1_000, skipped: 0, failed: 0 });

    const onTarget = await readAll(origin);
    const from = redrivenFrom(onTarget);
    expect(onTarget).toHaveLength(1_000);
    expect(new Set(from).size).toBe(1_000);
    expect(new Set(from)).toEqual(new Set(ids));
    // The error headers stayed behind; the trace context came along.
    const first = onTarget[0];
    expect(first?.headers?.["x-error-type"]).toBeUndefined();
    expect(String(first?.headers?.traceparent)).toMatch(/^00-/);
    expect(String(first?.headers?.["x-redriven-by"])).toBe("tester");

    const again = await c.post<ApiErrorBody>(`/api/dlq/${dlq}/redrive`, { ids: ids.slice(0, 10) });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
    const page = await c.get<DeadLettersResponse>(`/api/dlq/${dlq}/messages?status=pending`);
    expect(page.body.matched).toBe(0);
    const all = await c.get<DeadLettersResponse>(`/api/dlq/${dlq}/messages?limit=5`);
    expect(all.body.letters[0]?.redriven).toMatchObject({ taskId: task.id, by: "tester", count: 1 });
    expect(all.body.letters[0]?.redriven?.target.topic).toBe(origin);
    expect(all.body.groups.map((g) => g.errorType)).toEqual(["PaymentDeclined", "PaymentTimeout"]);
    expect(await readAll(origin)).toHaveLength(1_000);
  }, 120_000);

  it("holds a velocity of 100 letters/s: 1,000 letters take at least 9 s", async () => {
    const { origin, dlq, c } = await setup(1_000);
    const started = Date.now();
    const res = await c.post<RedriveStartResponse>(`/api/dlq/${dlq}/redrive`, {
      filter: {},
      ratePerSec: 100,
    });
    expect(res.status).toBe(202);
    expect(res.body.plan.estimatedSeconds).toBe(9.9);
    const task = await finished(c, res.body.task.id);
    const seconds = (Date.now() - started) / 1000;
    report(`[dlq] 1,000 letters at 100/s took ${seconds.toFixed(2)} s`);
    expect(task.status).toBe("completed");
    expect(seconds).toBeGreaterThanOrEqual(9);
    // A loose upper bound: the limit must not turn into a crawl (the broker may be shared and busy).
    expect(seconds).toBeLessThan(60);
    expect(new Set(redrivenFrom(await readAll(origin))).size).toBe(1_000);
  }, 120_000);

  it("lets one task run per DLQ topic, cancels on request and resumes without duplicates", async () => {
    const { origin, dlq, c } = await setup(300);
    const res = await c.post<RedriveStartResponse>(`/api/dlq/${dlq}/redrive`, { filter: {}, ratePerSec: 50 });
    expect(res.status).toBe(202);
    const second = await c.post<ApiErrorBody>(`/api/dlq/${dlq}/redrive`, { filter: {}, ratePerSec: 50 });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/already running/);

    await waitFor(
      "some progress",
      async () => (await c.get<RedriveTask>(`/api/redrives/${res.body.task.id}`)).body.moved >= 50,
    );
    const cancel = await c.post<RedriveTask>(`/api/redrives/${res.body.task.id}/cancel`);
    expect(cancel.status).toBe(200);
    expect(["cancelling", "cancelled"]).toContain(cancel.body.status);
    const cancelled = await finished(c, res.body.task.id);
    expect(cancelled).toMatchObject({ status: "cancelled", resumable: true });
    expect(cancelled.moved).toBeLessThan(300);

    const resumed = await c.post<RedriveTask>(`/api/redrives/${res.body.task.id}/resume`);
    expect(resumed.status).toBe(200);
    const done = await finished(c, res.body.task.id);
    expect(done).toMatchObject({ status: "completed", moved: 300, resumes: 1 });
    const from = redrivenFrom(await readAll(origin));
    expect(from).toHaveLength(300);
    expect(new Set(from).size).toBe(300);

    const audit = await c.get<{ entries: { action: string; outcome: string; taskId: string | null }[] }>(
      `/api/audit?topic=${dlq}`,
    );
    const outcomes = audit.body.entries
      .filter((e) => e.taskId === done.id)
      .map((e) => `${e.action}:${e.outcome}`);
    expect(outcomes).toEqual(
      expect.arrayContaining([
        "redrive:started",
        "redrive:cancelled",
        "redrive.resume:started",
        "redrive:completed",
      ]),
    );
  }, 60_000);
});
