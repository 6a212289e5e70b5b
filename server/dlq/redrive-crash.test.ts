import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import type { DlqTopicsResponse, RedriveTask } from "@/lib/api/dlq";
import { FINAL_REDRIVE_STATUSES } from "@/lib/api/dlq";
import { testConfig } from "@/server/test-support/config";
import { createTestTopics, uniqueName } from "@/server/test-support/kafka";
import {
  ADMIN_TOKEN,
  kafka,
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
/** Letters of the test killed inside a transaction of many produce requests. */
const LETTERS = 6_000;

/**
 * Runs the child backend until it has re-driven at least `killAt` letters, then SIGKILLs it once
 * `beforeKill` resolves (at once without one).
 */
async function runChildAndKill(
  env: Record<string, string>,
  killAt: number,
  beforeKill: () => Promise<void> = async () => undefined,
) {
  const child = spawn(process.execPath, ["--import", "tsx", "server/dlq/testing/redrive-child.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let taskId = "";
  let movedAtKill = -1;
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      const msg = JSON.parse(line) as { taskId?: string; moved?: number };
      if (msg.taskId) taskId = msg.taskId;
      if (msg.moved !== undefined && msg.moved >= killAt) {
        movedAtKill = msg.moved;
        await beforeKill();
        child.kill("SIGKILL");
        break;
      }
    }
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    await exited;
  }
  if (!taskId || movedAtKill < 0) throw new Error(`child ended early: ${stderr.slice(-2000)}`);
  return { taskId, movedAtKill };
}

describe("re-drive after a crash", () => {
  it("resumes a task whose process was killed mid-way: exactly 1,000 letters on the target", async () => {
    const origin = uniqueName("payments");
    const dlq = `${origin}.DLQ`;
    const topics = uniqueInternalTopics();
    scope.created.push(origin, dlq, topics.ledger, topics.tasks, topics.audit);
    await createTestTopics({ topic: origin, numPartitions: 3 }, { topic: dlq, numPartitions: 2 });
    await produceDeadLetters(dlq, origin, 1_000);

    const { taskId, movedAtKill } = await runChildAndKill(
      { DLQ_CHILD_TOPICS: JSON.stringify(topics), DLQ_CHILD_DLQ: dlq, DLQ_CHILD_RATE: "200" },
      300,
    );
    report(`[dlq] child killed with SIGKILL after it reported ${movedAtKill} letters re-driven`);

    const app = await scope.start(testConfig({ EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN }), topics);
    const c = await signedIn(app.url);
    await waitFor("the DLQ to load", async () => {
      const { body } = await c.get<DlqTopicsResponse>("/api/dlq");
      return body.state === "ready" && body.topics.find((t) => t.topic === dlq)?.loaded;
    });
    const interrupted = (await c.get<RedriveTask>(`/api/redrives/${taskId}`)).body;
    expect(interrupted).toMatchObject({ status: "failed", resumable: true });
    expect(interrupted.error).toMatch(/interrupted/);

    const beforeResume = await readAll(origin);
    const fromBefore = beforeResume.map((m) => String(m.headers?.["x-redriven-from"]));
    expect(new Set(fromBefore).size).toBe(fromBefore.length);
    expect(fromBefore.length).toBeGreaterThanOrEqual(movedAtKill);
    report(`[dlq] ${fromBefore.length} letters were committed on the target before the resume`);

    const resumed = await c.post<RedriveTask>(`/api/redrives/${taskId}/resume`);
    expect(resumed.status).toBe(200);
    const done = await waitFor(
      "the resumed task to finish",
      async () => {
        const { body } = await c.get<RedriveTask>(`/api/redrives/${taskId}`);
        return FINAL_REDRIVE_STATUSES.includes(body.status) ? body : null;
      },
      60_000,
    );
    expect(done).toMatchObject({ status: "completed", total: 1_000, moved: 1_000, resumes: 1 });

    const onTarget = await readAll(origin);
    const from = onTarget.map((m) => String(m.headers?.["x-redriven-from"]));
    expect(onTarget).toHaveLength(1_000);
    expect(new Set(from).size).toBe(1_000);
  }, 120_000);

  it("gives exactly once when killed inside a transaction of many produce requests", async () => {
    const origin = uniqueName("refunds");
    const dlq = `${origin}.DLQ`;
    const topics = uniqueInternalTopics();
    scope.created.push(origin, dlq, topics.ledger, topics.tasks, topics.audit);
    await createTestTopics({ topic: origin, numPartitions: 3 }, { topic: dlq, numPartitions: 1 });
    // 4 kB letters, unthrottled: the first transaction carries the first batch, the next one up to 5,000
    // letters (20 MB, about 27 produce requests). A consumer that also reads uncommitted records watches
    // the origin topic, and the kill comes once 1,500 letters have reached it: inside a transaction, well
    // away from its ends. (A fixed delay after the task's progress report was too late on an idle
    // machine: progress is reported after each commit, and a whole transaction could commit within it.)
    await produceDeadLetters(dlq, origin, LETTERS, 4 * 1024);
    const watcher = kafka().consumer({ groupId: uniqueName("watch"), readUncommitted: true });
    let reached = 0;
    await watcher.connect();
    await watcher.subscribe({ topic: origin, fromBeginning: true });
    await watcher.run({
      eachBatch: async ({ batch }) => {
        reached += batch.messages.length;
      },
    });
    const { taskId } = await runChildAndKill(
      { DLQ_CHILD_TOPICS: JSON.stringify(topics), DLQ_CHILD_DLQ: dlq, DLQ_CHILD_RATE: "10000" },
      0,
      async () => {
        while (reached < 1_500) await new Promise((r) => setTimeout(r, 2));
      },
    ).finally(() => watcher.disconnect());
    report("[dlq] child killed with 1,500 letters on the origin topic");

    const app = await scope.start(testConfig({ EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN }), topics);
    const c = await signedIn(app.url);
    await waitFor("the DLQ to load", async () => {
      const { body } = await c.get<DlqTopicsResponse>("/api/dlq");
      return body.state === "ready" && body.topics.find((t) => t.topic === dlq)?.loaded;
    });
    // The killed transaction had sent part of its letters; the restart fenced it, so they were aborted.
    const committed = await readAll(origin, 60_000);
    const all = await readAll(origin, 60_000, true);
    report(`[dlq] ${committed.length} letters committed, ${all.length - committed.length} aborted`);
    expect(all.length).toBeGreaterThan(committed.length);
    expect(new Set(committed.map((m) => String(m.headers?.["x-redriven-from"]))).size).toBe(committed.length);

    expect((await c.post<RedriveTask>(`/api/redrives/${taskId}/resume`)).status).toBe(200);
    const done = await waitFor(
      "the resumed task to finish",
      async () => {
        const { body } = await c.get<RedriveTask>(`/api/redrives/${taskId}`);
        return FINAL_REDRIVE_STATUSES.includes(body.status) ? body : null;
      },
      90_000,
    );
    expect(done).toMatchObject({ status: "completed", total: LETTERS, moved: LETTERS });
    const from = (await readAll(origin, 60_000)).map((m) => String(m.headers?.["x-redriven-from"]));
    expect(from).toHaveLength(LETTERS);
    expect(new Set(from).size).toBe(LETTERS);
  }, 180_000);
});
