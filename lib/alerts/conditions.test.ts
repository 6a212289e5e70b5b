import { describe, expect, it } from "vitest";
import { DLQ_GROWTH_WINDOW_MS, dlqGrowth } from "@/lib/alerts/memory";
import { evaluate, initialState, toResponse } from "@/lib/alerts/evaluate";
import type { Observations } from "@/lib/alerts/observations";
import type { AlertRule } from "@/lib/alerts/rules";
import { observations, rule, T0 } from "@/lib/alerts/testing/builders";

function firingKeys(rules: AlertRule[], steps: [number, Observations][]): string[][] {
  let state = initialState();
  return steps.map(([s, obs]) => {
    state = evaluate(state, rules, obs, T0 + s * 1000).state;
    return toResponse(state)
      .active.filter((a) => a.state === "firing")
      .map((a) => `${a.key} = ${a.value}`);
  });
}

const dlq = (pending: number) => observations({ dlqTopics: [{ topic: "payments.DLQ", pending }] });

describe("dead letters", () => {
  it("growing: fires when letters arrived within the last minute, resolves a minute after the last one", () => {
    const growing = rule({ kind: "dlq-growing" });
    expect(
      firingKeys(
        [growing],
        [
          [0, dlq(4)],
          [5, dlq(4)],
          [10, dlq(7)],
          [40, dlq(7)],
          [75, dlq(7)],
        ],
      ),
    ).toEqual([[], [], ["dlq-growing|dlq:payments.DLQ = 3"], ["dlq-growing|dlq:payments.DLQ = 3"], []]);
  });

  it("growth is measured against the newest sample at least a window old", () => {
    const samples = [
      { t: T0, pending: 2 },
      { t: T0 + 30_000, pending: 5 },
      { t: T0 + 70_000, pending: 9 },
    ];
    expect(dlqGrowth(samples, T0 + 70_000)).toBe(7);
    expect(dlqGrowth(samples, T0 + 30_000 + DLQ_GROWTH_WINDOW_MS)).toBe(4);
    // Re-driving lowers the count: that is no growth.
    expect(
      dlqGrowth(
        [
          { t: T0, pending: 9 },
          { t: T0 + 60_000, pending: 0 },
        ],
        T0 + 60_000,
      ),
    ).toBe(0);
  });

  it("pending above N fires per DLQ topic", () => {
    const pending = rule({ kind: "dlq-pending", threshold: 100 });
    const obs = observations({
      dlqTopics: [
        { topic: "payments.DLQ", pending: 101 },
        { topic: "notifications.DLQ", pending: 100 },
      ],
    });
    expect(firingKeys([pending], [[0, obs]])).toEqual([["dlq-pending|dlq:payments.DLQ = 101"]]);
  });
});

describe("a topic's produce rate dropping to zero", () => {
  const stopped = rule({ kind: "produce-stopped", threshold: 1, forSeconds: 60 });
  const rates = (perSec: number | null) =>
    observations({ topicRates: perSec === null ? [] : [{ topic: "orders.commands", perSec }] });

  it("fires after a minute without records on a topic that had traffic, resolves when traffic is back", () => {
    expect(
      firingKeys(
        [stopped],
        [
          [0, rates(2.1)],
          [10, rates(null)],
          [70, rates(null)],
          [75, rates(1.8)],
        ],
      ),
    ).toEqual([[], [], ["produce-stopped|topic:orders.commands = 0"], []]);
  });

  it("ignores topics that never had threshold traffic, and DLQ topics", () => {
    const obs = (perSec: number | null) =>
      observations({
        topicRates:
          perSec === null
            ? []
            : [
                { topic: "users.commands", perSec },
                { topic: "payments.DLQ", perSec: 5 },
              ],
        dlqTopics: [{ topic: "payments.DLQ", pending: 50 }],
      });
    expect(
      firingKeys(
        [{ ...stopped, forSeconds: 0 }],
        [
          [0, obs(0.2)],
          [10, obs(null)],
        ],
      ),
    ).toEqual([[], []]);
  });
});

describe("the collector falling behind", () => {
  const records = rule({ kind: "collector-lag", threshold: 10_000 });
  const seconds = rule({ kind: "collector-time-lag", threshold: 60 });

  it("in records and in seconds to catch up at its read rate", () => {
    const obs = observations({ collector: { lag: 12_000, perSec: 150 } });
    expect(firingKeys([records, seconds], [[0, obs]])).toEqual([
      ["collector-lag|collector:collector = 12000", "collector-time-lag|collector:collector = 80"],
    ]);
  });

  it("behind and not reading is above any time threshold; caught up is 0", () => {
    const stuck = observations({ collector: { lag: 3, perSec: 0 } });
    const fine = observations({ collector: { lag: 0, perSec: 0 } });
    expect(
      firingKeys(
        [seconds],
        [
          [0, stuck],
          [5, fine],
        ],
      ),
    ).toEqual([["collector-time-lag|collector:collector = null"], []]);
  });
});
