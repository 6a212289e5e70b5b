import { describe, expect, it } from "vitest";

import { createCommitWindow } from "./commit-window";
import { consumeRate, estimateDrain, isCaughtUp, produceRate, timeToDrain } from "./drain";
import { createEndOffsetTable } from "./end-offset-table";
import { tableOf, windowOf } from "./test-builders";

describe("produceRate", () => {
  it("is the end offset's growth per second", () => {
    expect(
      produceRate(
        tableOf([
          [0n, 0],
          [600n, 60_000],
        ]),
      ),
    ).toBe(10);
  });

  it("only looks at the last minute by default", () => {
    // 100 records in the first 10 s, then 600 in the next 60 s.
    expect(
      produceRate(
        tableOf([
          [0n, 0],
          [100n, 10_000],
          [700n, 70_000],
        ]),
      ),
    ).toBe(10);
  });

  it("counts a segment cut by the window's start in proportion", () => {
    // Window [30 s, 60 s]: half of the 0→600 segment (300) over 30 s.
    expect(
      produceRate(
        tableOf([
          [0n, 0],
          [600n, 60_000],
        ]),
        30_000,
      ),
    ).toBe(10);
  });

  it("is unknown without two observations", () => {
    expect(produceRate(createEndOffsetTable())).toBeNull();
    expect(produceRate(tableOf([[5n, 1_000]]))).toBeNull();
  });
});

describe("consumeRate", () => {
  it("is the committed offset's growth per second, up to the last poll", () => {
    const window = windowOf([
      [0n, 0n, 0],
      [300n, 0n, 30_000],
      [300n, 0n, 60_000],
    ]);
    expect(consumeRate(window)).toBe(5);
  });

  it("falls to zero for a consumer that stopped moving a window ago", () => {
    const stopped = windowOf([
      [0n, 0n, 0],
      [600n, 0n, 60_000],
      [600n, 50n, 120_000],
      [600n, 90n, 180_000],
    ]);
    expect(consumeRate(stopped)).toBe(0);
  });

  it("counts the records read again after a rewind, not the net change", () => {
    const rewound = windowOf([
      [0n, 0n, 0],
      [600n, 0n, 30_000],
      [100n, 500n, 40_000],
      [400n, 200n, 60_000],
    ]);
    expect(consumeRate(rewound)).toBe(15);
  });

  it("is unknown before the committed offset was seen twice", () => {
    expect(consumeRate(createCommitWindow())).toBeNull();
    expect(consumeRate(windowOf([[10n, 0n, 1_000]]))).toBeNull();
  });
});

describe("timeToDrain", () => {
  it("is the lag divided by how much faster the group reads than the topic is written", () => {
    expect(timeToDrain(1_000n, 15, 5)).toBe(100);
  });

  it("is never when the group is falling behind or only keeping pace", () => {
    expect(timeToDrain(1_000n, 3, 5)).toBe("never");
    expect(timeToDrain(1_000n, 5, 5)).toBe("never");
    expect(timeToDrain(1_000n, 0, 0)).toBe("never");
  });

  it("is zero when there is no lag, whatever the rates", () => {
    expect(timeToDrain(0n, 3, 5)).toBe(0);
    expect(timeToDrain(0n, null, null)).toBe(0);
  });

  it("is unknown when the lag or a rate is unknown", () => {
    expect(timeToDrain(null, 15, 5)).toBeNull();
    expect(timeToDrain(1_000n, null, 5)).toBeNull();
    expect(timeToDrain(1_000n, 15, null)).toBeNull();
  });
});

describe("estimateDrain", () => {
  it("measures both rates over the same window and derives the time to drain", () => {
    const endOffsets = tableOf([
      [1_000n, 0],
      [1_300n, 60_000],
    ]); // 5 records/s written
    const commits = windowOf([
      [0n, 1_000n, 0],
      [900n, 400n, 60_000],
    ]); // 15 records/s read
    expect(estimateDrain(400n, endOffsets, commits)).toEqual({
      consumeRate: 15,
      produceRate: 5,
      timeToDrain: 40,
    });
  });
});

describe("caught up apart from in-flight records", () => {
  // 2 records/s written, read at the same pace, polled every 5 s: up to 10 records are in flight.
  const inFlightMs = 5_000;

  it("reads as caught up (0) instead of about a minute", () => {
    // Without the in-flight allowance: 3 ÷ (2.05 − 2) = 60 s.
    expect(timeToDrain(3n, 2.05, 2)).toBeCloseTo(60);
    expect(timeToDrain(3n, 2.05, 2, inFlightMs)).toBe(0);
    expect(timeToDrain(3n, 1.95, 2, inFlightMs)).toBe(0);
    expect(isCaughtUp(10n, 2, 2, inFlightMs)).toBe(true);
  });

  it("still shows a real backlog: more lag than one poll interval of traffic", () => {
    expect(isCaughtUp(11n, 2, 2, inFlightMs)).toBe(false);
    expect(timeToDrain(100n, 4, 2, inFlightMs)).toBe(50);
    expect(timeToDrain(100n, 2, 2, inFlightMs)).toBe("never");
  });

  it("is not caught up when the group has stopped reading or nothing is being written", () => {
    expect(isCaughtUp(3n, 0, 2, inFlightMs)).toBe(false);
    expect(timeToDrain(3n, 0, 2, inFlightMs)).toBe("never");
    expect(isCaughtUp(1n, 0, 0, inFlightMs)).toBe(false);
    expect(timeToDrain(1n, 0, 0, inFlightMs)).toBe("never");
  });

  it("passes the allowance through estimateDrain", () => {
    const endOffsets = tableOf([
      [1_000n, 0],
      [1_120n, 60_000],
    ]); // 2 records/s written
    const commits = windowOf([
      [995n, 5n, 0],
      [1_117n, 3n, 60_000],
    ]); // about 2 records/s read
    expect(estimateDrain(3n, endOffsets, commits, { inFlightMs }).timeToDrain).toBe(0);
  });
});
