import { describe, expect, it } from "vitest";
import { PartitionHistory } from "@/server/lag/partition-history";
import { foldSlots, lagTrend, topicHistory } from "@/server/lag/series";

function historyOf(
  points: Array<[t: number, committed: bigint | null, end: bigint, timeLagMs: number | null]>,
) {
  const history = new PartitionHistory(100, 1_000);
  for (const [t, committed, end, timeLagMs] of points) history.push({ t, committed, end, timeLagMs });
  return history;
}

describe("topic series", () => {
  it("sums partition lags and takes the largest time lag per slot", () => {
    const p0 = historyOf([
      [1_000, 10n, 15n, 2_000],
      [2_000, 10n, 20n, 3_000],
    ]);
    const p1 = historyOf([
      [1_100, 5n, 6n, 500],
      [2_100, 5n, 9n, 4_000],
    ]);
    expect(topicHistory([p0, p1], 0, 10)).toEqual([
      { t: 1_100, lag: 6, timeLagSeconds: 2 },
      { t: 2_100, lag: 14, timeLagSeconds: 4 },
    ]);
  });

  it("shows unknown lag as null, not 0, where no partition's lag is known", () => {
    const neverCommitted = historyOf([[1_000, null, 7n, null]]);
    expect(topicHistory([neverCommitted], 0, 10)).toEqual([{ t: 1_000, lag: null, timeLagSeconds: null }]);
    expect(lagTrend([neverCommitted], 0, 10)).toEqual([]);
  });

  it("folds long series into buckets keeping each bucket's maximum", () => {
    const slots = [1, 9, 2, 3, 8, 1, 4].map((lag, i) => ({ slot: i, t: i * 10, lag, timeLagMs: lag * 100 }));
    expect(foldSlots(slots, 3)).toEqual([
      { slot: 2, t: 20, lag: 9, timeLagMs: 900 },
      { slot: 5, t: 50, lag: 8, timeLagMs: 800 },
      { slot: 6, t: 60, lag: 4, timeLagMs: 400 },
    ]);
  });
});
