import { describe, expect, it } from "vitest";

import { createCommitWindow, recordCommit } from "./commit-window";
import { windowOf } from "./test-builders";

const offsetsOf = (window: ReturnType<typeof windowOf>) => window.commits.map((c) => c.committedOffset);

describe("commit window", () => {
  it("keeps the last N distinct commits, 10 by default like Burrow", () => {
    const window = windowOf(Array.from({ length: 12 }, (_, i) => [BigInt(i * 10), 5n, i * 1_000] as const));
    expect(window.size).toBe(10);
    expect(offsetsOf(window)).toEqual([20n, 30n, 40n, 50n, 60n, 70n, 80n, 90n, 100n, 110n]);
  });

  it("drops the oldest commit when a smaller ring is full", () => {
    const window = windowOf(
      [
        [1n, 0n, 1],
        [2n, 0n, 2],
        [3n, 0n, 3],
      ],
      { size: 2 },
    );
    expect(offsetsOf(window)).toEqual([2n, 3n]);
  });

  it("does not count a poll that reads the same committed offset again as a commit", () => {
    const window = windowOf([
      [100n, 5n, 1_000],
      [100n, 9n, 2_000],
      [100n, 12n, 3_000],
    ]);
    expect(window.commits).toEqual([{ committedOffset: 100n, lag: 5n, observedAt: 1_000 }]);
    expect(window.lastObservedAt).toBe(3_000);
  });

  it("counts every later commit of the same offset when the source sees real commits", () => {
    const window = windowOf(
      [
        [100n, 5n, 1_000],
        [100n, 9n, 2_000],
      ],
      { repeatedOffsetIsCommit: true },
    );
    expect(window.commits.map((c) => c.lag)).toEqual([5n, 9n]);
  });

  it("records a committed offset that went back as a new commit", () => {
    expect(
      offsetsOf(
        windowOf([
          [100n, 5n, 1_000],
          [40n, 65n, 2_000],
        ]),
      ),
    ).toEqual([100n, 40n]);
  });

  it("remembers the last poll at which the partition was within the allowed lag", () => {
    const window = windowOf(
      [
        [100n, 0n, 1_000],
        [100n, 2n, 2_000],
        [100n, 3n, 3_000],
        [100n, 4n, 4_000],
      ],
      { allowedLag: 2n },
    );
    expect(window.lastCaughtUpAt).toBe(2_000);
  });

  it("drops a poll that answers out of order or twice", () => {
    const window = windowOf([[100n, 5n, 2_000]]);
    expect(recordCommit(window, { committedOffset: 120n, lag: 0n, observedAt: 1_500 })).toBe(window);
    expect(recordCommit(window, { committedOffset: 120n, lag: 0n, observedAt: 2_000 })).toBe(window);
  });

  it("drops samples that are not offsets", () => {
    const window = windowOf([[100n, 5n, 2_000]]);
    expect(recordCommit(window, { committedOffset: -1n, lag: 0n, observedAt: 3_000 })).toBe(window);
    expect(recordCommit(window, { committedOffset: 101n, lag: -1n, observedAt: 3_000 })).toBe(window);
  });

  it("refuses a size too small to compare commits, a negative allowed lag and a negative minimum span", () => {
    expect(() => createCommitWindow({ size: 1 })).toThrow(RangeError);
    expect(() => createCommitWindow({ allowedLag: -1n })).toThrow(RangeError);
    expect(() => createCommitWindow({ minSpanMs: -1 })).toThrow(RangeError);
    expect(() => createCommitWindow({ minSpanMs: Number.NaN })).toThrow(RangeError);
  });
});
