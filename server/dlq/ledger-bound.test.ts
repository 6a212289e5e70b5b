/**
 * The re-drive ledger held in memory is bounded: when it is full a re-drive is refused (never by forgetting
 * entries that still guard letters), and entries of letters Kafka deleted (below the DLQ partition's
 * log-start offset) are let go together with those letters, which makes room again without a letter ever
 * being re-driven twice.
 */
import { describe, expect, it } from "vitest";
import type { DlqTopicsResponse, RedriveStartResponse, RedriveTask } from "@/lib/api/dlq";
import { FINAL_REDRIVE_STATUSES } from "@/lib/api/dlq";
import type { ApiErrorBody } from "@/lib/errors";
import { TYPICAL_ENTRY_BYTES } from "@/server/dlq/ledger";
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
import { testConfig } from "@/server/test-support/config";
import { createTestTopics, uniqueName, withAdmin } from "@/server/test-support/kafka";

const scope = dlqTestScope();

async function redrive(c: Client, dlq: string, ids: string[]): Promise<RedriveTask> {
  const res = await c.post<RedriveStartResponse>(`/api/dlq/${dlq}/redrive`, { ids, ratePerSec: 10_000 });
  expect(res.status).toBe(202);
  return waitFor("the task to end", async () => {
    const { body } = await c.get<RedriveTask>(`/api/redrives/${res.body.task.id}`);
    return FINAL_REDRIVE_STATUSES.includes(body.status) ? body : null;
  });
}

describe("the re-drive ledger's memory bound", () => {
  it("refuses a re-drive that does not fit (503), and makes room once Kafka deleted re-driven letters", async () => {
    const origin = uniqueName("orders");
    const dlq = `${origin}.DLQ`;
    const topics = uniqueInternalTopics();
    scope.created.push(origin, dlq, topics.ledger, topics.tasks, topics.audit);
    await createTestTopics({ topic: origin, numPartitions: 1 }, { topic: dlq, numPartitions: 1 });
    await produceDeadLetters(dlq, origin, 30);
    const ids = Array.from({ length: 30 }, (_, i) => `${dlq}/0/${i}`);
    const config = testConfig({ EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN, EVENTSCOPE_DLQ_SCAN_INTERVAL: "300ms" });
    // Room for 25 typical entries: the first 20 letters fit, 10 more do not.
    const app = await scope.start(config, topics, 25 * TYPICAL_ENTRY_BYTES);
    const c = await signedIn(app.url);
    const summary = async () =>
      (await c.get<DlqTopicsResponse>("/api/dlq")).body.topics.find((t) => t.topic === dlq);
    await waitFor(`${dlq} loaded`, async () => (await summary())?.total === 30);

    expect(await redrive(c, dlq, ids.slice(0, 20))).toMatchObject({ status: "completed", moved: 20 });
    const full = await c.post<ApiErrorBody>(`/api/dlq/${dlq}/redrive`, { ids: ids.slice(20) });
    expect(full.status).toBe(503);
    expect(full.body.error.message).toMatch(/ledger .* is full/);
    expect(full.body.error.message).toMatch(/retention/);

    // Retention (here: deleting records up to offset 20) takes the re-driven letters away in Kafka.
    await withAdmin(async (admin) => {
      await admin.fetchTopicMetadata({ topics: [dlq] });
      await admin.deleteTopicRecords({ topic: dlq, partitions: [{ partition: 0, offset: "20" }] });
    });
    await waitFor("the deleted letters to be let go", async () => (await summary())?.total === 10);
    expect(await summary()).toMatchObject({ total: 10, pending: 10, redriven: 0 });
    expect(await redrive(c, dlq, ids.slice(20))).toMatchObject({ status: "completed", moved: 10 });

    // A re-drive of everything the DLQ still holds finds nothing left to send: none went twice.
    const again = await c.post<ApiErrorBody>(`/api/dlq/${dlq}/redrive`, { filter: {} });
    expect(again.status).toBe(409);
    const from = (await readAll(origin)).map((m) => String(m.headers?.["x-redriven-from"]));
    expect(from).toHaveLength(30);
    expect(new Set(from)).toEqual(new Set(ids));
  }, 90_000);
});
