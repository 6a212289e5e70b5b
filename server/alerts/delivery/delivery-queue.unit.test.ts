import { describe, expect, it } from "vitest";
import { DeliveryQueue, type DeliveryOptions } from "@/server/alerts/delivery/delivery-queue";
import { testLogger } from "@/server/test-support/silent-logger";

const FAST: DeliveryOptions = {
  timeoutMs: 100,
  baseDelayMs: 10,
  maxDelayMs: 40,
  maxAttempts: 4,
  maxQueued: 3,
};
const until = async (check: () => boolean, ms = 2_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** A receiver: fails the first `failures` calls, records what it accepted. */
function receiver(failures = 0) {
  const accepted: string[] = [];
  const calls: number[] = [];
  return {
    accepted,
    calls,
    send: async (payload: string) => {
      calls.push(Date.now());
      if (calls.length <= failures) throw new Error("HTTP 503");
      accepted.push(payload);
    },
  };
}

describe("alert delivery queue", () => {
  it("sends each notification once, in order, even when it is queued twice", async () => {
    const r = receiver();
    const q = new DeliveryQueue("test", r.send, FAST, testLogger());
    q.enqueue("a@1:firing", "a firing");
    q.enqueue("a@1:firing", "a firing");
    q.enqueue("a@1:resolved", "a resolved");
    await until(() => r.accepted.length === 2);
    await new Promise((res) => setTimeout(res, 30));
    expect(r.accepted).toEqual(["a firing", "a resolved"]);
    q.enqueue("a@1:firing", "a firing");
    await new Promise((res) => setTimeout(res, 30));
    expect(r.accepted).toHaveLength(2);
  });

  it("retries with growing delays, then delivers", async () => {
    const r = receiver(3);
    const q = new DeliveryQueue("test", r.send, FAST, testLogger());
    q.enqueue("k", "payload");
    await until(() => r.accepted.length === 1);
    expect(r.calls).toHaveLength(4);
    const gaps = r.calls.slice(1).map((t, i) => t - (r.calls[i] ?? t));
    // 10, 20, 40 ms (capped at 40): each wait at least the backoff, and growing.
    expect(gaps[0]).toBeGreaterThanOrEqual(9);
    expect(gaps[1]).toBeGreaterThanOrEqual(19);
    expect(gaps[2]).toBeGreaterThanOrEqual(39);
    expect(q.snapshot()).toMatchObject({ sent: 1, failedAttempts: 3, dropped: 0, queued: 0 });
  });

  it("gives up after maxAttempts and goes on with the next item", async () => {
    const r = receiver(4);
    const q = new DeliveryQueue("test", r.send, FAST, testLogger());
    q.enqueue("doomed", "doomed");
    q.enqueue("next", "next");
    await until(() => r.accepted.length === 1);
    expect(r.accepted).toEqual(["next"]);
    expect(q.snapshot()).toMatchObject({ sent: 1, dropped: 1 });
  });

  it("is bounded: while the receiver is down the oldest waiting item is dropped, enqueue never waits", async () => {
    let release: () => void = () => undefined;
    const stuck = new Promise<void>((r) => (release = r));
    const sent: string[] = [];
    const q = new DeliveryQueue(
      "test",
      async (p: string) => {
        await stuck;
        sent.push(p);
      },
      FAST,
      testLogger(),
    );
    const started = Date.now();
    for (const k of ["1", "2", "3", "4", "5"]) q.enqueue(k, k);
    expect(Date.now() - started).toBeLessThan(50);
    expect(q.snapshot()).toMatchObject({ queued: 3, dropped: 2 });
    release();
    await until(() => sent.length === 3);
    // "1" was in flight and is delivered; "2" and "3" were the oldest waiting.
    expect(sent).toEqual(["1", "4", "5"]);
  });

  it("replaces a waiting refresh with the newer one instead of queueing both", async () => {
    let release: () => void = () => undefined;
    const stuck = new Promise<void>((r) => (release = r));
    const sent: string[] = [];
    const q = new DeliveryQueue(
      "test",
      async (p: string) => {
        await stuck;
        sent.push(p);
      },
      FAST,
      testLogger(),
    );
    q.enqueue("x@1:firing", "x firing");
    q.enqueue("refresh", "refresh 1", true);
    q.enqueue("refresh", "refresh 2", true);
    release();
    await until(() => sent.length === 2);
    expect(sent).toEqual(["x firing", "refresh 2"]);
  });
});
