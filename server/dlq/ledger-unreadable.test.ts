import { describe, expect, it } from "vitest";
import type { DeadLettersResponse, DlqTopicsResponse } from "@/lib/api/dlq";
import { ledgerKey } from "@/lib/dlq";
import type { ApiErrorBody } from "@/lib/errors";
import {
  ADMIN_TOKEN,
  kafka,
  produceDeadLetters,
  signedIn,
  dlqTestScope,
  uniqueInternalTopics,
  waitFor,
} from "@/server/dlq/testing/support";
import { ensureInternalTopics } from "@/server/dlq/internal-topics";
import { testConfig } from "@/server/test-support/config";
import { createTestTopics, uniqueName, withAdmin } from "@/server/test-support/kafka";

const scope = dlqTestScope();

describe("re-drive ledger records that cannot be read", () => {
  it("count as re-driven (never as a tombstone), so the letter is not re-driven twice", async () => {
    const origin = uniqueName("orders");
    const dlq = `${origin}.DLQ`;
    const topics = uniqueInternalTopics();
    scope.created.push(origin, dlq, topics.ledger, topics.tasks, topics.audit);
    await createTestTopics({ topic: origin, numPartitions: 1 }, { topic: dlq, numPartitions: 1 });
    await withAdmin((admin) => ensureInternalTopics(admin, topics));
    await produceDeadLetters(dlq, origin, 3);
    // Letter 0: a record of another version (or written by hand); letter 1: not even JSON; letter 2: a
    // real tombstone (its re-drive was forgotten on purpose), so it is pending again.
    const producer = kafka().producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({
      topic: topics.ledger,
      messages: [
        { key: ledgerKey(dlq, 0, "0"), value: JSON.stringify({ v: 2, redriven: "yes" }) },
        { key: ledgerKey(dlq, 0, "1"), value: Buffer.from([0xff, 0xfe, 0x00, 0x7b]) },
        { key: ledgerKey(dlq, 0, "2"), value: null },
      ],
    });
    await producer.disconnect();

    const config = testConfig({ EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN, EVENTSCOPE_DLQ_SCAN_INTERVAL: "300ms" });
    const app = await scope.start(config, topics);
    const c = await signedIn(app.url);
    await waitFor(`${dlq} loaded`, async () => {
      const { body } = await c.get<DlqTopicsResponse>("/api/dlq");
      return body.state === "ready" && body.topics.find((t) => t.topic === dlq)?.total === 3;
    });
    const { body } = await c.get<DeadLettersResponse>(`/api/dlq/${encodeURIComponent(dlq)}/messages`);
    const byOffset = new Map(body.letters.map((l) => [l.offset, l]));
    expect(byOffset.get("0")?.redriven).toMatchObject({ by: "(unreadable ledger record)" });
    expect(byOffset.get("1")?.redriven).toMatchObject({ by: "(unreadable ledger record)" });
    expect(byOffset.get("2")?.redriven).toBeNull();

    const again = await c.post<ApiErrorBody>(`/api/dlq/${encodeURIComponent(dlq)}/redrive`, {
      ids: [ledgerKey(dlq, 0, "0"), ledgerKey(dlq, 0, "1")],
    });
    expect(again.status).toBe(409);
  });
});
