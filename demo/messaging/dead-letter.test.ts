/**
 * The retry and dead-letter headers against Eventscope's own reading of them (lib/dlq): retry copies must
 * not look like dead letters, dead letters must decode to their real origin, and a re-drive as the
 * dashboard builds it must start the retry count afresh.
 */
import type { IHeaders } from "kafkajs";
import { describe, expect, it } from "vitest";
import { parseTraceparent } from "@/lib/decode";
import { buildRedriveHeaders, decodeDeadLetter, hasDeadLetterHeaders } from "@/lib/dlq";
import { flattenHeaders } from "@/lib/model/raw-record";
import type { ConsumedMessage } from "./consumer";
import { deadLetterHeaders, type Failure, nextRetryState, readRetryState, retryHeaders } from "./dead-letter";
import { eventHeaders, readContext } from "./envelope";

const origin = {
  traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
  traceFlags: 1,
  correlationId: "o-1",
  causationId: "c-0",
};
const placedHeaders = eventHeaders(origin, { source: "order-service", type: "OrderPlaced", subject: "o-1" });

function consumed(topic: string, partition: number, offset: string, headers: IHeaders): ConsumedMessage {
  return {
    topic,
    partition,
    offset,
    timestamp: "0",
    key: "o-1",
    value: Buffer.from("{}"),
    headers,
    context: readContext(headers),
  };
}

const failureAt = (ms: number): Failure => ({
  errorType: "PaymentProviderUnavailable",
  errorMessage: "down",
  at: new Date(ms),
  consumerGroup: "payment-service",
});
const raw = (headers: IHeaders) => flattenHeaders(headers as Parameters<typeof flattenHeaders>[0]);
const delays = [1_000, 3_000] as const;

describe("retry and dead-letter headers", () => {
  const first = consumed("orders.events", 2, "41", placedHeaders);
  const firstState = nextRetryState(first, failureAt(10_000), delays);
  const retry1 = consumed("payments.retry.1", 0, "7", retryHeaders(first, failureAt(10_000), firstState));
  const secondState = nextRetryState(retry1, failureAt(11_100), delays);
  const retry2 = consumed("payments.retry.2", 1, "3", retryHeaders(retry1, failureAt(11_100), secondState));
  const lastState = nextRetryState(retry2, failureAt(14_200), delays);
  const letterHeaders = deadLetterHeaders(retry2, failureAt(14_200), lastState);

  it("counts attempts, keeps the first origin and failure time, and grows the delay", () => {
    expect(firstState).toEqual({
      attempts: 1,
      origin: { topic: "orders.events", partition: "2", offset: "41" },
      firstFailureAt: new Date(10_000).toISOString(),
      dueAt: 11_000,
    });
    expect(readRetryState(retry1.headers)).toEqual(firstState);
    expect(secondState).toMatchObject({ attempts: 2, origin: firstState.origin, dueAt: 14_100 });
    expect(lastState).toMatchObject({
      attempts: 3,
      origin: firstState.origin,
      firstFailureAt: firstState.firstFailureAt,
    });
  });

  it("keeps the business headers and trace, with a new span per copy", () => {
    for (const copy of [retry1, retry2]) {
      expect(copy.headers).toMatchObject({
        ce_id: placedHeaders.ce_id,
        ce_type: "OrderPlaced",
        "causation-id": "c-0",
      });
    }
    const spans = [placedHeaders, retry1.headers, retry2.headers, letterHeaders].map((h) =>
      parseTraceparent(String(h.traceparent)),
    );
    expect(new Set(spans.map((s) => s?.traceId))).toEqual(new Set([origin.traceId]));
    expect(new Set(spans.map((s) => s?.parentId)).size).toBe(4);
  });

  it("makes retry copies that Eventscope does not take for dead letters", () => {
    expect(hasDeadLetterHeaders(raw(retry1.headers))).toBe(false);
    expect(hasDeadLetterHeaders(raw(retry2.headers))).toBe(false);
  });

  it("makes dead letters that Eventscope decodes to their real origin and error", () => {
    const decoded = decodeDeadLetter({
      topic: "payments.DLQ",
      partition: 1,
      offset: "0",
      timestamp: "15000",
      headers: raw(letterHeaders),
    });
    expect(decoded.origin).toMatchObject({
      topic: "orders.events",
      partition: 2,
      offset: "41",
      source: "header",
      family: "plain",
    });
    expect(decoded.error).toMatchObject({ type: "PaymentProviderUnavailable", message: "down" });
    expect(decoded.attempts).toBe(3);
    expect(decoded.firstFailureAt).toBe(10_000);
    expect(decoded.warnings).toEqual([]);
    expect(Object.keys(letterHeaders).filter((k) => k.startsWith("x-retry-"))).toEqual([]);
  });

  it("starts from attempt 1 again when the dashboard re-drives the letter", () => {
    const redriven = buildRedriveHeaders(raw(letterHeaders), {
      dlqTopic: "payments.DLQ",
      partition: 1,
      offset: "0",
      redrivenAt: new Date(20_000).toISOString(),
      redrivenBy: "admin",
    });
    const headers = Object.fromEntries(
      redriven.map((h) => [h.key, Buffer.from(h.value ?? new Uint8Array())]),
    );
    expect(readRetryState(headers)).toBeNull();
    expect(hasDeadLetterHeaders(redriven)).toBe(false);
    expect(readContext(headers)).toMatchObject({
      id: placedHeaders.ce_id,
      type: "OrderPlaced",
      traceId: origin.traceId,
    });
  });
});
