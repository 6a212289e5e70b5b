import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { createEndOffsetTable } from "./end-offset-table";
import { tableOf, type PointSpec } from "./test-builders";
import { timeLag } from "./time-lag";

// The log grew from 100 to 200 between t=1s and t=2s, then to 300 by t=4s.
const steady = tableOf([
  [100n, 1_000],
  [200n, 2_000],
  [300n, 4_000],
]);

describe("timeLag", () => {
  it("interpolates the write time of the committed offset between its neighbours", () => {
    // 150 is halfway from 100 (t=1s) to 200 (t=2s): written at 1.5s, so 3.5s behind at t=5s.
    expect(timeLag(steady, 150n, 5_000)).toEqual({ ms: 3_500, extrapolated: false });
    expect(timeLag(steady, 250n, 5_000)).toEqual({ ms: 2_000, extrapolated: false });
  });

  it("uses a point's own time when the committed offset is exactly on it", () => {
    expect(timeLag(steady, 200n, 5_000)).toEqual({ ms: 3_000, extrapolated: false });
  });

  it("extrapolates below the table from the pace of the oldest two points", () => {
    // 100 records per second before t=1s: offset 50 was written at t=0.5s.
    expect(timeLag(steady, 50n, 5_000)).toEqual({ ms: 4_500, extrapolated: true });
  });

  it("reports zero when the committed offset has reached or passed the newest end offset", () => {
    expect(timeLag(steady, 300n, 5_000)).toEqual({ ms: 0, extrapolated: false });
    expect(timeLag(steady, 310n, 5_000)).toEqual({ ms: 0, extrapolated: false });
  });

  it("reports unknown time lag for a partition without a committed offset", () => {
    expect(timeLag(steady, null, 5_000)).toBeNull();
  });

  it("reports unknown time lag with fewer than two points", () => {
    expect(timeLag(createEndOffsetTable(), 10n, 5_000)).toBeNull();
    expect(timeLag(tableOf([[100n, 1_000]]), 90n, 5_000)).toBeNull();
  });

  it("reports zero for a caught-up group even with a single point", () => {
    expect(timeLag(tableOf([[100n, 1_000]]), 100n, 5_000)).toEqual({ ms: 0, extrapolated: false });
  });

  it("keeps a stuck consumer's time lag growing with the clock while the producer is idle", () => {
    const paused: PointSpec[] = [
      [100n, 1_000],
      [200n, 2_000],
      [200n, 3_000],
    ];
    expect(timeLag(tableOf(paused), 150n, 3_000)?.ms).toBe(1_500);
    // Five more idle polls: the run is compressed, yet offset 150 keeps its write time of 1.5s.
    const later = tableOf([...paused, [200n, 5_000], [200n, 7_000], [200n, 9_000]]);
    expect(later.points).toHaveLength(3);
    expect(timeLag(later, 150n, 9_000)?.ms).toBe(7_500);
  });

  it("dates records written after a pause from the end of the pause, not its start", () => {
    const resumed = tableOf([
      [100n, 1_000],
      [200n, 2_000],
      [200n, 8_000],
      [300n, 9_000],
    ]);
    // Offset 200 was still the end at 8s, so the record at 200 was written after 8s, and 250 at 8.5s.
    expect(timeLag(resumed, 200n, 10_000)?.ms).toBe(2_000);
    expect(timeLag(resumed, 250n, 10_000)?.ms).toBe(1_500);
  });

  it("does not divide by zero when the oldest two points have the same offset", () => {
    const flatStart = tableOf([
      [100n, 1_000],
      [100n, 2_000],
      [200n, 3_000],
    ]);
    // No pace before t=1s is known; offset 50 was written no later than t=1s: at least 4s behind.
    expect(timeLag(flatStart, 50n, 5_000)).toEqual({ ms: 4_000, extrapolated: true });
    expect(
      timeLag(
        tableOf([
          [100n, 1_000],
          [100n, 2_000],
        ]),
        50n,
        5_000,
      ),
    ).toEqual({ ms: 4_000, extrapolated: true });
  });

  it("ignores out-of-order points when estimating", () => {
    const withStragglers = tableOf([
      [100n, 1_000],
      [200n, 2_000],
      [150n, 2_500], // lower offset: a stale answer
      [250n, 1_500], // older time: a slow poll answering late
      [300n, 4_000],
    ]);
    expect(timeLag(withStragglers, 150n, 5_000)).toEqual(timeLag(steady, 150n, 5_000));
  });

  it("never reports a negative time lag when now is older than the estimate", () => {
    expect(timeLag(steady, 250n, 2_500)).toEqual({ ms: 0, extrapolated: false });
  });

  it("is never negative and never grows as the committed offset advances, for any table", () => {
    const step = fc.tuple(
      fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 1_000_000n })),
      fc.integer({ min: 1, max: 600_000 }),
    );
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 62n }),
        fc.array(step, { maxLength: 80 }),
        fc.integer({ min: 2, max: 60 }),
        fc.bigInt({ min: -100_000_000n, max: 100_000_000n }),
        fc.bigInt({ min: 0n, max: 100_000_000n }),
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        (base, steps, capacity, relative, advance, now) => {
          let offset = base;
          let at = 1_700_000_000_000;
          const points: PointSpec[] = [[offset, at]];
          for (const [offsetStep, timeStep] of steps) {
            offset += offsetStep;
            at += timeStep;
            points.push([offset, at]);
          }
          const table = tableOf(points, capacity);
          const lower = base + relative < 0n ? 0n : base + relative;
          const higher = lower + advance;
          const lagLower = timeLag(table, lower, now);
          const lagHigher = timeLag(table, higher, now);
          if (table.points.length >= 2) {
            expect(lagLower).not.toBeNull();
            expect(lagHigher).not.toBeNull();
          }
          if (lagLower !== null) expect(lagLower.ms).toBeGreaterThanOrEqual(0);
          if (lagHigher !== null) expect(lagHigher.ms).toBeGreaterThanOrEqual(0);
          if (lagLower !== null && lagHigher !== null) expect(lagHigher.ms).toBeLessThanOrEqual(lagLower.ms);
        },
      ),
      { numRuns: 500 },
    );
  });
});
