import { describe, expect, it } from "vitest";

import { appendEndOffset, createEndOffsetTable, newestEndOffset } from "./end-offset-table";
import { pointsOf, tableOf } from "./test-builders";

describe("end-offset table", () => {
  it("keeps observations oldest first", () => {
    expect(
      pointsOf(
        tableOf([
          [100n, 1_000],
          [150n, 2_000],
          [210n, 3_000],
        ]),
      ),
    ).toEqual([
      [100n, 1_000],
      [150n, 2_000],
      [210n, 3_000],
    ]);
  });

  it("drops the oldest point once it holds its capacity", () => {
    const table = tableOf(
      [
        [1n, 1_000],
        [2n, 2_000],
        [3n, 3_000],
        [4n, 4_000],
      ],
      3,
    );
    expect(pointsOf(table)).toEqual([
      [2n, 2_000],
      [3n, 3_000],
      [4n, 4_000],
    ]);
  });

  it("holds 60 points by default, like kafka-lag-exporter", () => {
    const table = tableOf(Array.from({ length: 75 }, (_, i) => [BigInt(i * 10), i * 1_000] as const));
    expect(table.points).toHaveLength(60);
    expect(table.points[0]).toEqual({ offset: 150n, observedAt: 15_000 });
  });

  it("drops a point observed before or at the same time as the newest one", () => {
    const table = tableOf([[100n, 2_000]]);
    expect(appendEndOffset(table, { offset: 120n, observedAt: 1_500 })).toBe(table);
    expect(appendEndOffset(table, { offset: 120n, observedAt: 2_000 })).toBe(table);
  });

  it("drops a point whose end offset went down", () => {
    const table = tableOf([[100n, 2_000]]);
    expect(appendEndOffset(table, { offset: 99n, observedAt: 3_000 })).toBe(table);
  });

  it("drops points that are not observations: negative offsets and non-finite times", () => {
    const table = tableOf([[100n, 2_000]]);
    expect(appendEndOffset(table, { offset: -1n, observedAt: 3_000 })).toBe(table);
    expect(appendEndOffset(table, { offset: 101n, observedAt: Number.NaN })).toBe(table);
  });

  it("keeps the first and the latest point of a flat run", () => {
    const table = tableOf([
      [100n, 1_000],
      [200n, 2_000],
      [200n, 3_000],
      [200n, 4_000],
      [200n, 5_000],
    ]);
    expect(pointsOf(table)).toEqual([
      [100n, 1_000],
      [200n, 2_000],
      [200n, 5_000],
    ]);
  });

  it("starts appending again once the offset moves after a flat run", () => {
    const table = tableOf([
      [200n, 2_000],
      [200n, 3_000],
      [200n, 4_000],
      [260n, 5_000],
    ]);
    expect(pointsOf(table)).toEqual([
      [200n, 2_000],
      [200n, 4_000],
      [260n, 5_000],
    ]);
  });

  it("never changes a table it was given", () => {
    const table = tableOf([
      [100n, 1_000],
      [100n, 2_000],
    ]);
    const before = pointsOf(table);
    appendEndOffset(table, { offset: 100n, observedAt: 3_000 });
    appendEndOffset(table, { offset: 150n, observedAt: 3_000 });
    expect(pointsOf(table)).toEqual(before);
  });

  it("gives the newest point as the current end offset, or null when empty", () => {
    expect(newestEndOffset(createEndOffsetTable())).toBeNull();
    expect(
      newestEndOffset(
        tableOf([
          [5n, 1],
          [9n, 2],
        ]),
      ),
    ).toEqual({ offset: 9n, observedAt: 2 });
  });

  it("refuses a capacity too small to interpolate with", () => {
    expect(() => createEndOffsetTable(1)).toThrow(RangeError);
    expect(() => createEndOffsetTable(2.5)).toThrow(RangeError);
  });
});
