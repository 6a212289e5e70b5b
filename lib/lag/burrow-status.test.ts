import { describe, expect, it } from "vitest";

import { groupStatus, partitionStatus } from "./burrow-status";
import { createCommitWindow } from "./commit-window";
import { windowOf, type CommitSpec } from "./test-builders";

// A consumer committing every 10 s while falling further behind: span 20 s, last commit at t=20s.
const fallingBehind: CommitSpec[] = [
  [100n, 10n, 0],
  [110n, 12n, 10_000],
  [120n, 15n, 20_000],
];

describe("partitionStatus", () => {
  it("is OK when the current lag is within the allowed lag", () => {
    expect(partitionStatus(windowOf(fallingBehind), 120n, 25_000)).toBe("OK");
    expect(partitionStatus(windowOf(fallingBehind, { allowedLag: 5n }), 125n, 25_000)).toBe("OK");
  });

  it("is unknown before the first commit or without an end offset", () => {
    expect(partitionStatus(createCommitWindow(), 100n, 1_000)).toBeNull();
    expect(partitionStatus(windowOf(fallingBehind), null, 25_000)).toBeNull();
  });

  it("warns when the lag never decreased from one commit to the next", () => {
    expect(partitionStatus(windowOf(fallingBehind), 140n, 25_000)).toBe("WARN");
  });

  it("warns when the lag stayed flat, since it never decreased", () => {
    const flat = windowOf([
      [100n, 10n, 0],
      [110n, 10n, 10_000],
    ]);
    expect(partitionStatus(flat, 125n, 12_000)).toBe("WARN");
  });

  it("is OK when a behind consumer's lag went down somewhere in the window", () => {
    const recovering = windowOf([
      [100n, 10n, 0],
      [110n, 8n, 10_000],
      [120n, 15n, 20_000],
    ]);
    expect(partitionStatus(recovering, 140n, 25_000)).toBe("OK");
  });

  it("stops a consumer silent for longer than its window's span", () => {
    expect(partitionStatus(windowOf(fallingBehind), 140n, 40_000)).toBe("WARN");
    expect(partitionStatus(windowOf(fallingBehind), 140n, 40_001)).toBe("STOP");
  });

  it("does not call an idle consumer stopped when a record arrives just after a long caught-up pause", () => {
    const idle = windowOf([
      [100n, 0n, 0],
      [110n, 0n, 10_000],
      [120n, 0n, 20_000],
      [120n, 0n, 600_000], // polled caught up for ten minutes, no commit needed
      [120n, 3n, 605_000], // a producer just wrote three records
    ]);
    expect(partitionStatus(idle, 123n, 605_000)).toBe("OK");
  });

  it("stops a consumer that was caught up but has been behind for longer than its window's span", () => {
    const idleThenDead = windowOf([
      [100n, 0n, 0],
      [110n, 0n, 10_000],
      [120n, 0n, 20_000],
      [120n, 0n, 600_000],
      [120n, 3n, 605_000],
      [120n, 9n, 620_001],
    ]);
    // Caught up last at 600 s; 20.001 s of silence is longer than the 20 s span.
    expect(partitionStatus(idleThenDead, 129n, 620_001)).toBe("STOP");
  });

  it("needs two commits before it can call a consumer stopped", () => {
    const firstSight = windowOf([[100n, 50n, 0]]);
    expect(partitionStatus(firstSight, 150n, 0)).toBe("OK");
  });

  it("stops a partition seen with one commit, caught up, then silent and behind for longer than the minimum span", () => {
    const seenOnceThenStuck = windowOf(
      [
        [100n, 0n, 0],
        [100n, 6n, 1_000],
        [100n, 40n, 9_000],
      ],
      { minSpanMs: 10_000 },
    );
    expect(partitionStatus(seenOnceThenStuck, 140n, 10_000)).toBe("OK");
    expect(partitionStatus(seenOnceThenStuck, 145n, 10_001)).toBe("STOP");
  });

  it("does not stop a consumer whose young window spans less than the minimum span", () => {
    // Two commits one poll apart: without a floor, 1.001 s of silence would already be a STOP.
    const young = windowOf(
      [
        [100n, 0n, 0],
        [110n, 0n, 1_000],
        [110n, 5n, 2_001],
      ],
      { minSpanMs: 10_000 },
    );
    expect(partitionStatus(young, 115n, 2_001)).toBe("OK");
    expect(partitionStatus(young, 160n, 10_999)).toBe("OK");
    expect(partitionStatus(young, 160n, 11_001)).toBe("STOP");
    expect(
      partitionStatus(
        windowOf([
          [100n, 0n, 0],
          [110n, 0n, 1_000],
          [110n, 5n, 2_001],
        ]),
        115n,
        2_001,
      ),
    ).toBe("STOP");
  });

  it("keeps a window's own span when it is longer than the minimum span", () => {
    expect(partitionStatus(windowOf(fallingBehind, { minSpanMs: 5_000 }), 140n, 40_000)).toBe("WARN");
    expect(partitionStatus(windowOf(fallingBehind, { minSpanMs: 5_000 }), 140n, 40_001)).toBe("STOP");
  });

  it("reports a rewind when the committed offset went backwards", () => {
    const rewound = windowOf([
      [100n, 10n, 0],
      [120n, 8n, 10_000],
      [50n, 80n, 20_000],
    ]);
    expect(partitionStatus(rewound, 130n, 25_000)).toBe("REWIND");
  });

  it("reports a rewind even when the partition was caught up before it", () => {
    const resetToEarliest = windowOf([
      [100n, 0n, 0],
      [120n, 0n, 10_000],
      [0n, 120n, 20_000],
    ]);
    expect(partitionStatus(resetToEarliest, 120n, 25_000)).toBe("REWIND");
  });

  it("puts STOP before REWIND", () => {
    const rewoundThenSilent = windowOf([
      [100n, 10n, 0],
      [50n, 80n, 10_000],
    ]);
    expect(partitionStatus(rewoundThenSilent, 130n, 20_001)).toBe("STOP");
  });

  it("stalls a consumer that keeps committing the same offset while behind", () => {
    const stuck = windowOf(
      [
        [100n, 10n, 0],
        [100n, 12n, 10_000],
        [100n, 15n, 20_000],
      ],
      { repeatedOffsetIsCommit: true },
    );
    expect(partitionStatus(stuck, 115n, 21_000)).toBe("STALL");
  });

  it("stalls a consumer first seen behind whose offset has not moved by the next poll", () => {
    const firstTwoPolls = windowOf([
      [100n, 10n, 0],
      [100n, 12n, 5_000],
    ]);
    expect(partitionStatus(firstTwoPolls, 112n, 5_000)).toBe("STALL");
  });

  it("does not stall or warn a consumer that was caught up in the window", () => {
    const sameOffsetCaughtUpFirst = windowOf(
      [
        [100n, 0n, 0],
        [100n, 3n, 10_000],
        [100n, 5n, 20_000],
      ],
      { repeatedOffsetIsCommit: true },
    );
    expect(partitionStatus(sameOffsetCaughtUpFirst, 105n, 21_000)).toBe("OK");

    const busyButKeepingUp = windowOf([
      [100n, 0n, 0],
      [110n, 0n, 5_000],
      [120n, 0n, 10_000],
    ]);
    expect(partitionStatus(busyButKeepingUp, 125n, 11_000)).toBe("OK");
  });
});

describe("groupStatus", () => {
  it("is the worst partition's status", () => {
    expect(groupStatus(["OK", "WARN", "OK"]).status).toBe("WARN");
    expect(groupStatus(["OK", "OK"]).status).toBe("OK");
  });

  it("shows STOP, STALL and REWIND as ERR", () => {
    expect(groupStatus(["OK", "STOP"]).status).toBe("ERR");
    expect(groupStatus(["STALL", "WARN"]).status).toBe("ERR");
    expect(groupStatus(["REWIND"]).status).toBe("ERR");
  });

  it("counts partitions per status and those without a verdict", () => {
    expect(groupStatus(["OK", "STOP", null, "STOP", "WARN"])).toEqual({
      status: "ERR",
      partitions: { OK: 1, WARN: 1, STOP: 2, STALL: 0, REWIND: 0 },
      unknownPartitions: 1,
    });
  });

  it("is unknown when no partition could be judged", () => {
    expect(groupStatus([null, null]).status).toBeNull();
    expect(groupStatus([]).status).toBeNull();
  });
});
