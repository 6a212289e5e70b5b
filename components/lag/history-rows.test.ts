import { describe, expect, it } from "vitest";
import type { LagTopic } from "@/lib/api/lag";
import { axisTicks, historyRows, latestTotal, maxValue, niceCeil } from "@/components/lag/history-rows";

const topic = (name: string, history: LagTopic["history"]): LagTopic => ({
  topic: name,
  lag: "0",
  unknownPartitions: 0,
  maxTimeLagSeconds: null,
  history,
});

describe("historyRows", () => {
  it("lines topics up by time, keyed by index so dotted topic names stay plain keys", () => {
    const chart = historyRows(
      [
        topic("orders.v1", [
          { t: 1, lag: 5, timeLagSeconds: 1 },
          { t: 2, lag: 7, timeLagSeconds: 2 },
        ]),
        topic("payments", [{ t: 2, lag: null, timeLagSeconds: null }]),
      ],
      "lag",
    );
    expect(chart.series).toEqual([
      { key: "s0", topic: "orders.v1", folded: false },
      { key: "s1", topic: "payments", folded: false },
    ]);
    expect(chart.rows).toEqual([
      { t: 1, s0: 5 },
      { t: 2, s0: 7, s1: null },
    ]);
    expect(latestTotal(chart)).toBe(7);
  });

  it("has no latest total without rows or known values", () => {
    expect(latestTotal(historyRows([], "timeLagSeconds"))).toBeNull();
    expect(
      latestTotal(historyRows([topic("t", [{ t: 1, lag: null, timeLagSeconds: null }])], "lag")),
    ).toBeNull();
  });
});

describe("axis", () => {
  it("rounds an axis maximum up so that every quarter is a round number", () => {
    expect([0, 0.4, 1, 3, 7, 12, 45, 93, 501, 1_100, 9_001].map(niceCeil)).toEqual([
      1, 1, 1, 3, 8, 12, 60, 100, 600, 1_200, 10_000,
    ]);
    expect(axisTicks(45)).toEqual([0, 15, 30, 45, 60]);
    expect(axisTicks(1_100)).toEqual([0, 300, 600, 900, 1_200]);
  });

  it("finds the largest plotted value", () => {
    const chart = historyRows(
      [
        topic("a", [{ t: 1, lag: 3, timeLagSeconds: 9 }]),
        topic("b", [{ t: 1, lag: 8, timeLagSeconds: null }]),
      ],
      "lag",
    );
    expect(maxValue(chart)).toBe(8);
  });
});
