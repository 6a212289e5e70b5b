import { describe, expect, it } from "vitest";
import { historyGeometry, PartitionHistory } from "@/server/lag/partition-history";

const point = (
  t: number,
  committed: bigint | null = 1n,
  end: bigint | null = 2n,
  timeLagMs: number | null = 5,
) => ({
  t,
  committed,
  end,
  timeLagMs,
});

describe("PartitionHistory", () => {
  it("keeps one point per slot, the newest observation of the slot", () => {
    const history = new PartitionHistory(10, 5_000);
    history.push(point(1_000, 1n));
    history.push(point(4_000, 2n));
    history.push(point(6_000, 3n));
    expect(history.points().map((p) => [p.t, p.committed])).toEqual([
      [4_000, 2n],
      [6_000, 3n],
    ]);
  });

  it("keeps at most `capacity` points, dropping the oldest", () => {
    const history = new PartitionHistory(3, 1_000);
    for (let i = 0; i < 50; i += 1) history.push(point(i * 1_000, BigInt(i)));
    expect(history.length).toBe(3);
    expect(history.points().map((p) => p.committed)).toEqual([47n, 48n, 49n]);
  });

  it("keeps unknown values unknown and int64 offsets exact", () => {
    const history = new PartitionHistory(4, 1_000);
    const big = 2n ** 62n + 1n;
    history.push(point(1_000, null, big, null));
    expect(history.points()).toEqual([{ t: 1_000, slot: 1, committed: null, end: big, timeLagMs: null }]);
  });

  it("ignores a point not newer than the last one, and filters by time", () => {
    const history = new PartitionHistory(8, 1_000);
    history.push(point(5_000));
    history.push(point(4_000));
    history.push(point(7_000));
    expect(history.points(6_000).map((p) => p.t)).toEqual([7_000]);
    expect(history.length).toBe(2);
  });

  it("grows its storage on demand across the ring wrap", () => {
    const history = new PartitionHistory(100, 1);
    for (let i = 1; i <= 250; i += 1) history.push(point(i, BigInt(i)));
    const kept = history.points().map((p) => Number(p.committed));
    expect(kept).toEqual(Array.from({ length: 100 }, (_, i) => 151 + i));
  });
});

describe("historyGeometry", () => {
  it("covers an hour in at most 721 points, one slot per poll at most", () => {
    expect(historyGeometry(5_000)).toEqual({ slotMs: 5_000, capacity: 721 });
    expect(historyGeometry(1_000)).toEqual({ slotMs: 5_000, capacity: 721 });
    expect(historyGeometry(30_000)).toEqual({ slotMs: 30_000, capacity: 121 });
  });
});
