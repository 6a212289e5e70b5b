import { describe, expect, it } from "vitest";
import {
  evaluate,
  initialState,
  RESOLVED_KEEP_MS,
  toResponse,
  type EvaluationState,
} from "@/lib/alerts/evaluate";
import type { Observations } from "@/lib/alerts/observations";
import type { AlertRule } from "@/lib/alerts/rules";
import { group, observations, rule, T0 } from "@/lib/alerts/testing/builders";

const timeLag: AlertRule = rule({ id: "consumer-time-lag", kind: "time-lag", threshold: 30, forSeconds: 60 });

/** Runs evaluations at the given offsets (seconds after T0), each with its observations. */
function run(rules: AlertRule[], steps: [number, Observations][], from: EvaluationState = initialState()) {
  let state = from;
  const log: string[] = [];
  for (const [s, obs] of steps) {
    const result = evaluate(state, rules, obs, T0 + s * 1000);
    state = result.state;
    for (const a of result.fired) log.push(`${s}s fired ${a.key}`);
    for (const a of result.resolved) log.push(`${s}s resolved ${a.key}`);
  }
  return { state, log };
}

const lagging = (seconds: number | null) =>
  observations({ groups: [group("inventory-service", { maxTimeLagSeconds: seconds })] });

describe("time lag above 30 s for 1 min (the demo's default)", () => {
  it("is pending while it waits, fires after a minute, and resolves when the group catches up", () => {
    const { state, log } = run(
      [timeLag],
      [
        [0, lagging(12)],
        [5, lagging(31.5)],
        [35, lagging(61.5)],
        [64, lagging(90)],
        [65, lagging(95)],
        [70, lagging(100)],
        [75, lagging(2.1)],
      ],
    );
    expect(log).toEqual([
      "65s fired consumer-time-lag|group:inventory-service",
      "75s resolved consumer-time-lag|group:inventory-service",
    ]);
    const [alert] = toResponse(state).resolved;
    expect(alert).toMatchObject({
      state: "resolved",
      activeAt: T0 + 5_000,
      firedAt: T0 + 65_000,
      resolvedAt: T0 + 75_000,
      since: T0 + 75_000,
      link: "/lag/inventory-service",
      labels: {
        alertname: "consumer-time-lag",
        group: "inventory-service",
        severity: "warning",
        kind: "time-lag",
        source: "eventscope",
      },
    });
  });

  it("shows the pending alert with its since, and never notifies when the lag drops before the minute", () => {
    const { state: pending } = run([timeLag], [[0, lagging(45)]]);
    expect(toResponse(pending).active).toEqual([
      expect.objectContaining({
        state: "pending",
        since: T0,
        value: 45,
        summary: expect.stringContaining("45 s behind"),
      }),
    ]);
    const { state, log } = run([timeLag], [[30, lagging(10)]], pending);
    expect(log).toEqual([]);
    expect(toResponse(state)).toMatchObject({ active: [], resolved: [] });
  });

  it("an unknown time lag (fewer than two end-offset points) is not above any threshold", () => {
    const { log } = run([{ ...timeLag, forSeconds: 0 }], [[0, lagging(null)]]);
    expect(log).toEqual([]);
  });

  it("a new episode after resolving fires again, once", () => {
    const fast = { ...timeLag, forSeconds: 0 };
    const { log, state } = run(
      [fast],
      [
        [0, lagging(40)],
        [5, lagging(1)],
        [10, lagging(50)],
        [15, lagging(55)],
      ],
    );
    expect(log).toEqual([
      "0s fired consumer-time-lag|group:inventory-service",
      "5s resolved consumer-time-lag|group:inventory-service",
      "10s fired consumer-time-lag|group:inventory-service",
    ]);
    expect(toResponse(state).active[0]).toMatchObject({ state: "firing", firedAt: T0 + 10_000, value: 55 });
  });

  it("keeps firing while the lag source is unavailable, resolves when the group is gone", () => {
    const fast = { ...timeLag, forSeconds: 0 };
    const { log } = run(
      [fast],
      [
        [0, lagging(40)],
        [5, observations({ groups: null })],
        [10, observations({ groups: [] })],
      ],
    );
    expect(log).toEqual([
      "0s fired consumer-time-lag|group:inventory-service",
      "10s resolved consumer-time-lag|group:inventory-service",
    ]);
  });

  it("disabling the rule resolves what it fired", () => {
    const fast = { ...timeLag, forSeconds: 0 };
    const { state } = run([fast], [[0, lagging(40)]]);
    const { log } = run([{ ...fast, enabled: false }], [[5, lagging(40)]], state);
    expect(log).toEqual(["5s resolved consumer-time-lag|group:inventory-service"]);
  });

  it("forgets resolved alerts after an hour", () => {
    const fast = { ...timeLag, forSeconds: 0 };
    const later = RESOLVED_KEEP_MS / 1000 + 10;
    const { state } = run(
      [fast],
      [
        [0, lagging(40)],
        [5, lagging(0)],
        [later, lagging(0)],
      ],
    );
    expect(toResponse(state).resolved).toEqual([]);
  });
});

describe("Burrow status", () => {
  it("fires for an ERR group after its window, not for WARN", () => {
    const status = rule({
      id: "consumer-status",
      kind: "group-status",
      forSeconds: 60,
      severity: "critical",
    });
    const obs = observations({
      groups: [
        group("inventory-service", { status: "ERR", errPartitions: 3 }),
        group("payment-service", { status: "WARN" }),
      ],
    });
    const { log, state } = run(
      [status],
      [
        [0, obs],
        [60, obs],
      ],
    );
    expect(log).toEqual(["60s fired consumer-status|group:inventory-service"]);
    expect(toResponse(state).active[0]?.summary).toBe(
      "consumer group inventory-service is ERR: 3 partition(s) stopped, stalled or rewound for 60 s",
    );
  });
});
