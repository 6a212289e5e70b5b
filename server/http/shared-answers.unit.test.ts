import { describe, expect, it } from "vitest";
import { answerKey, SharedAnswers } from "@/server/http/shared-answers";

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("shared answers of read-only routes", () => {
  it("computes identical requests once while the answer is fresh, and again once it is older", async () => {
    const time = clock();
    const shared = new SharedAnswers(time.now);
    let computed = 0;
    const compute = async () => `answer ${++computed}`;
    const burst = await Promise.all(
      Array.from({ length: 50 }, () => shared.get("/api/traces?", 250, compute)),
    );
    expect(new Set(burst)).toEqual(new Set(["answer 1"]));
    time.advance(250);
    expect(await shared.get("/api/traces?", 250, compute)).toBe("answer 1");
    time.advance(1);
    expect(await shared.get("/api/traces?", 250, compute)).toBe("answer 2");
    expect(computed).toBe(2);
  });

  it("shares an answer still being computed, however long it takes, and counts its age from when it was ready", async () => {
    const time = clock();
    const shared = new SharedAnswers(time.now);
    let computed = 0;
    let finish: (text: string) => void = () => undefined;
    const slow = () => {
      computed++;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const first = shared.get("/api/traces?", 250, slow);
    time.advance(1_000); // a slow store: still computing a second later
    const second = shared.get("/api/traces?", 250, slow);
    finish("slow answer");
    expect(await Promise.all([first, second])).toEqual(["slow answer", "slow answer"]);
    time.advance(200);
    expect(await shared.get("/api/traces?", 250, slow)).toBe("slow answer");
    expect(computed).toBe(1);
  });

  it("never shares an answer between different queries", async () => {
    const shared = new SharedAnswers(clock().now);
    const a = await shared.get("/api/events?topic=a", 250, async () => "a");
    const b = await shared.get("/api/events?topic=b", 250, async () => "b");
    expect([a, b]).toEqual(["a", "b"]);
  });

  it("does not keep a failure: the next caller computes again", async () => {
    const shared = new SharedAnswers(clock().now);
    await expect(
      shared.get("/api/traces?", 250, async () => {
        throw new Error("store closed");
      }),
    ).rejects.toThrow("store closed");
    expect(await shared.get("/api/traces?", 250, async () => "recovered")).toBe("recovered");
  });

  it("keeps at most 256 answers, dropping the oldest", async () => {
    const time = clock();
    const shared = new SharedAnswers(time.now);
    for (let i = 0; i < 1_000; i++) await shared.get(`/api/events?q=${i}`, 250, async () => String(i));
    expect(shared.size).toBe(256);
    let recomputed = false;
    await shared.get("/api/events?q=0", 250, async () => {
      recomputed = true;
      return "0";
    });
    expect(recomputed).toBe(true);
  });

  it("keys a query by its parameters whatever their order", () => {
    expect(answerKey(new URL("http://h/api/traces?status=error&limit=50"))).toBe(
      answerKey(new URL("http://h/api/traces?limit=50&status=error")),
    );
    expect(answerKey(new URL("http://h/api/traces?limit=50"))).not.toBe(
      answerKey(new URL("http://h/api/traces?limit=51")),
    );
  });
});
