/**
 * A whole Eventscope backend in a child process that starts a re-drive and reports its progress on
 * stdout, one JSON line at a time, until its parent kills it (redrive-crash.test.ts). Never exits itself.
 */
import type { DlqTopicsResponse, RedriveStartResponse, RedriveTask } from "@/lib/api/dlq";
import type { InternalTopics } from "@/server/dlq/internal-topics";
import { ADMIN_TOKEN, signedIn, startDlqApp, waitFor } from "@/server/dlq/testing/support";
import { testConfig } from "@/server/test-support/config";

/** Figures and progress go to stdout as plain lines (the parent test or a human reads them). */
const report = (line: string) => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const topics = JSON.parse(process.env.DLQ_CHILD_TOPICS ?? "{}") as InternalTopics;
  const dlq = process.env.DLQ_CHILD_DLQ ?? "";
  const rate = Number(process.env.DLQ_CHILD_RATE ?? "200");
  const app = await startDlqApp(
    testConfig({ EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN, EVENTSCOPE_DLQ_SCAN_INTERVAL: "300ms" }),
    topics,
  );
  const c = await signedIn(app.url);
  await waitFor("the DLQ to load", async () => {
    const { body } = await c.get<DlqTopicsResponse>("/api/dlq");
    return body.state === "ready" && body.topics.find((t) => t.topic === dlq)?.loaded;
  });
  const res = await c.post<RedriveStartResponse>(`/api/dlq/${dlq}/redrive`, { filter: {}, ratePerSec: rate });
  if (res.status !== 202) throw new Error(`re-drive refused with ${res.status}: ${JSON.stringify(res.body)}`);
  report(JSON.stringify({ taskId: res.body.task.id }));
  for (;;) {
    const { body } = await c.get<RedriveTask>(`/api/redrives/${res.body.task.id}`);
    report(JSON.stringify({ moved: body.moved, status: body.status }));
    await new Promise((r) => setTimeout(r, 50));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
