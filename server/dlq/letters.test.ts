import { describe, expect, it } from "vitest";
import type {
  DeadLetterDetail,
  DeadLettersResponse,
  DlqTopicsResponse,
  RedriveDryRunResponse,
  RedriveStartResponse,
} from "@/lib/api/dlq";
import type { ApiErrorBody } from "@/lib/errors";
import { testConfig } from "@/server/test-support/config";
import { createTestTopics, uniqueName } from "@/server/test-support/kafka";
import {
  ADMIN_TOKEN,
  type Client,
  kafka,
  signedIn,
  dlqTestScope,
  uniqueInternalTopics,
  waitFor,
} from "@/server/dlq/testing/support";

const scope = dlqTestScope();

const be32 = (n: number) => Buffer.from([0, 0, 0, n]);
const be64 = (n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(n);
  return b;
};

async function send(
  topic: string,
  messages: { key?: string; value: string; headers?: Record<string, Buffer | string> }[],
) {
  const producer = kafka().producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({ topic, messages });
  await producer.disconnect();
}

// Header recognition samples every other topic of the (shared) test broker first: allow for a crowded one.
async function topicsWhenReady(c: Client, want: (r: DlqTopicsResponse) => boolean, timeoutMs = 120_000) {
  return waitFor(
    "DLQ topics",
    async () => {
      const { body } = await c.get<DlqTopicsResponse>("/api/dlq");
      return body.state === "ready" && want(body) ? body : null;
    },
    timeoutMs,
    300,
  );
}

describe("dead-letter topics and letters", () => {
  it("recognises a DLQ by Spring's binary headers, never a retry topic, and decodes the letter", async () => {
    const origin = uniqueName("invoices");
    const springDlq = uniqueName("billing-failures");
    const retry = `${uniqueName("shipping")}.retry.1`;
    const topics = uniqueInternalTopics();
    scope.created.push(origin, springDlq, retry, topics.ledger, topics.tasks, topics.audit);
    await createTestTopics(
      { topic: origin, numPartitions: 1 },
      { topic: springDlq, numPartitions: 1 },
      { topic: retry, numPartitions: 1 },
    );
    await send(springDlq, [
      {
        key: "invoice-7",
        value: '{"invoice":7}',
        headers: {
          "kafka_dlt-original-topic": origin,
          "kafka_dlt-original-partition": be32(0),
          "kafka_dlt-original-offset": be64(1234n),
          "kafka_dlt-original-timestamp": be64(1_700_000_000_000n),
          "kafka_dlt-exception-fqcn": "org.example.InvoiceRejectedException",
          "kafka_dlt-exception-message": "VAT id missing",
          "kafka_dlt-exception-stacktrace":
            "org.example.InvoiceRejectedException: VAT id missing\n\tat Billing.run",
          traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        },
      },
    ]);
    await send(retry, [
      { value: "{}", headers: { "x-original-topic": "shipping", "x-error-type": "Timeout" } },
    ]);

    const app = await scope.start(
      testConfig({ EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN, EVENTSCOPE_DLQ_SCAN_INTERVAL: "300ms" }),
      topics,
    );
    const c = await signedIn(app.url);
    const list = await topicsWhenReady(c, (r) => r.topics.some((t) => t.topic === springDlq && t.loaded));
    expect(list.topics.find((t) => t.topic === springDlq)).toMatchObject({
      recognisedBy: "headers",
      total: 1,
      pending: 1,
      redriven: 0,
      origins: [origin],
    });
    expect(list.topics.some((t) => t.topic === retry)).toBe(false);

    const page = (await c.get<DeadLettersResponse>(`/api/dlq/${springDlq}/messages`)).body;
    const letter = page.letters[0];
    expect(letter).toMatchObject({
      id: `${springDlq}/0/0`,
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      key: "invoice-7",
      families: ["spring-dlt"],
      origin: { topic: origin, partition: 0, offset: "1234", timestamp: 1_700_000_000_000, source: "header" },
      error: { type: "org.example.InvoiceRejectedException", message: "VAT id missing" },
    });
    expect(letter?.error.stacktrace).toContain("at Billing.run");

    const detail = (await c.get<DeadLetterDetail>(`/api/dlq/${springDlq}/messages/0/0`)).body;
    expect(detail.value).toMatchObject({ kind: "json", json: { invoice: 7 } });
    expect(detail.headers.find((h) => h.key === "kafka_dlt-original-offset")?.value).toEqual({
      text: "00000000000004d2",
      encoding: "hex",
    });
  }, 150_000);

  it("derives the origin from the DLQ's name and plans a re-drive without sending anything on a dry run", async () => {
    const origin = uniqueName("orders");
    const dlq = `${origin}-dlt`;
    const other = uniqueName("orders-manual");
    const topics = uniqueInternalTopics();
    scope.created.push(origin, dlq, other, topics.ledger, topics.tasks, topics.audit);
    await createTestTopics({ topic: dlq, numPartitions: 1 }, { topic: other, numPartitions: 1 });
    await send(dlq, [
      { key: "a", value: "plain text letter" },
      { key: "b", value: "another" },
    ]);

    const app = await scope.start(
      testConfig({ EVENTSCOPE_ADMIN_TOKEN: ADMIN_TOKEN, EVENTSCOPE_DLQ_SCAN_INTERVAL: "300ms" }),
      topics,
    );
    const c = await signedIn(app.url);
    await topicsWhenReady(c, (r) => r.topics.some((t) => t.topic === dlq && t.loaded && t.total === 2));
    const letter = (await c.get<DeadLettersResponse>(`/api/dlq/${dlq}/messages`)).body.letters[0];
    expect(letter?.origin).toMatchObject({ topic: origin, source: "derived-from-name" });

    // The derived origin topic does not exist: the dry run says so, the real re-drive is refused.
    const dry = await c.post<RedriveDryRunResponse>(`/api/dlq/${dlq}/redrive`, { filter: {}, dryRun: true });
    expect(dry.body.plan).toMatchObject({ toSend: 2, missingTargets: [origin] });
    expect(dry.body.plan.targets).toEqual([{ topic: origin, count: 2, derived: true }]);
    const refused = await c.post<ApiErrorBody>(`/api/dlq/${dlq}/redrive`, { filter: {} });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/does not exist/);

    // An explicit target works; a letter id of another topic and a misspelt field are refused.
    expect((await c.post(`/api/dlq/${dlq}/redrive`, { ids: ["other.DLQ/0/1"] })).status).toBe(400);
    expect((await c.post(`/api/dlq/${dlq}/redrive`, { filter: {}, dryrun: true })).status).toBe(400);
    expect((await c.post(`/api/dlq/${dlq}/redrive`, { ids: [`${dlq}/0/99`] })).status).toBe(404);
    const res = await c.post<RedriveStartResponse>(`/api/dlq/${dlq}/redrive`, {
      ids: [`${dlq}/0/0`],
      target: other,
    });
    expect(res.status).toBe(202);
    expect(res.body.task).toMatchObject({ target: other, total: 1, targets: { [other]: 1 } });
  }, 150_000);
});
