import { describe, expect, it } from "vitest";
import type { LagTopic } from "@/lib/api/lag";
import { topTopics } from "@/components/lag/top-topics";

function topic(name: string, lag: number, history: [number, number | null, number | null][] = []): LagTopic {
  return {
    topic: name,
    lag: String(lag),
    unknownPartitions: 0,
    maxTimeLagSeconds: lag === 0 ? 0 : lag / 10,
    history: history.map(([t, l, s]) => ({ t, lag: l, timeLagSeconds: s })),
  };
}

describe("topTopics", () => {
  it("keeps a group's few topics as they are", () => {
    const few = ["a", "b", "c"].map((n) => topic(n, 1));
    expect(topTopics(few)).toEqual(few);
    // Six topics: folding one into "1 other topics" would hide it for nothing.
    const six = ["a", "b", "c", "d", "e", "f"].map((n) => topic(n, 1));
    expect(topTopics(six)).toHaveLength(6);
  });

  it("shows the five topics with the most lag and folds the rest into one series", () => {
    const many = Array.from({ length: 26 }, (_, i) =>
      topic(`orders.v${i}`, i, [
        [1_000, i, i / 10],
        [2_000, i + 1, null],
      ]),
    );
    const shown = topTopics(many);
    expect(shown.map((t) => t.topic)).toEqual([
      "orders.v25",
      "orders.v24",
      "orders.v23",
      "orders.v22",
      "orders.v21",
      "21 other topics",
    ]);
    const others = shown.at(-1);
    // 0 + 1 + … + 20 = 210 messages behind now; 231 at the second point, whose time lags are unknown.
    expect(others?.lag).toBe("210");
    expect(others?.history).toEqual([
      { t: 1_000, lag: 210, timeLagSeconds: 2 },
      { t: 2_000, lag: 231, timeLagSeconds: null },
    ]);
    expect(others?.maxTimeLagSeconds).toBe(2);
    // Marked, so the chart draws it muted instead of passing it off as one more topic.
    expect(shown.map((t) => t.folded === true)).toEqual([false, false, false, false, false, true]);
  });

  it("orders equal lags by time lag, then by name, so the chart does not reshuffle between polls", () => {
    const tied = ["f", "e", "d", "c", "b", "a", "g"].map((n) => topic(n, 0));
    expect(topTopics(tied).map((t) => t.topic)).toEqual(["a", "b", "c", "d", "e", "2 other topics"]);
  });
});
