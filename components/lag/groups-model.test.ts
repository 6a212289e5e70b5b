import { describe, expect, it } from "vitest";
import type { LagGroupSummary } from "@/lib/api/lag";
import {
  DEFAULT_VIEW,
  drainLabel,
  isLagging,
  readView,
  sortGroups,
  toggleSort,
  visibleGroups,
  writeView,
} from "@/components/lag/groups-model";

function groupOf(id: string, overrides: Partial<LagGroupSummary> = {}): LagGroupSummary {
  return {
    id,
    internal: false,
    state: "Stable",
    protocol: "RoundRobinAssigner",
    members: 1,
    topics: ["orders"],
    partitions: 3,
    totalLag: "0",
    unknownPartitions: 0,
    maxTimeLagSeconds: 0,
    maxTimeLagExtrapolated: false,
    status: "OK",
    partitionStatuses: { OK: 3, WARN: 0, STOP: 0, STALL: 0, REWIND: 0 },
    timeToDrainSeconds: 0,
    consumeRate: 1,
    produceRate: 1,
    trend: [],
    ...overrides,
  };
}

const ids = (groups: LagGroupSummary[]) => groups.map((g) => g.id);

describe("isLagging", () => {
  it("counts WARN and ERR groups, and OK groups at least 10 s behind", () => {
    expect(isLagging(groupOf("a", { status: "ERR" }))).toBe(true);
    expect(isLagging(groupOf("b", { status: "WARN" }))).toBe(true);
    expect(isLagging(groupOf("c", { maxTimeLagSeconds: 12 }))).toBe(true);
    expect(isLagging(groupOf("d", { maxTimeLagSeconds: 0.4, totalLag: "3" }))).toBe(false);
    expect(isLagging(groupOf("e", { status: null, maxTimeLagSeconds: null }))).toBe(false);
  });
});

describe("sortGroups", () => {
  const groups = [
    groupOf("billing", { status: "OK", totalLag: "5" }),
    groupOf("audit", { status: null, maxTimeLagSeconds: null, totalLag: "0" }),
    groupOf("inventory", { status: "ERR", totalLag: "900", timeToDrainSeconds: "never" }),
    groupOf("mailer", { status: "WARN", totalLag: "12", timeToDrainSeconds: 30 }),
  ];

  it("puts the worst status first by default, unknown status last", () => {
    expect(ids(sortGroups(groups, "status", "desc"))).toEqual(["inventory", "mailer", "billing", "audit"]);
    expect(ids(sortGroups(groups, "status", "asc"))).toEqual(["billing", "mailer", "inventory", "audit"]);
  });

  it("sorts total lag as int64, not as text", () => {
    const big = [groupOf("x", { totalLag: "9" }), groupOf("y", { totalLag: "10000000000000000001" })];
    expect(ids(sortGroups(big, "lag", "desc"))).toEqual(["y", "x"]);
  });

  it("treats a group that will never drain as the slowest and unknown drain as last", () => {
    expect(ids(sortGroups(groups, "drain", "desc"))).toEqual(["inventory", "mailer", "billing", "audit"]);
  });

  it("sorts names alphabetically and breaks ties by lag, then name", () => {
    expect(ids(sortGroups(groups, "group", "asc"))).toEqual(["audit", "billing", "inventory", "mailer"]);
    expect(ids(sortGroups(groups, "members", "desc"))).toEqual(["inventory", "mailer", "billing", "audit"]);
  });
});

describe("view in the URL", () => {
  it("round-trips the filter and the sort, leaving defaults out", () => {
    expect(writeView(DEFAULT_VIEW)).toBe("");
    const view = { onlyLagging: true, showInternal: false, sort: "lag" as const, dir: "asc" as const };
    expect(writeView(view)).toBe("lagging=1&sort=lag&dir=asc");
    expect(readView(new URLSearchParams(writeView(view)))).toEqual(view);
  });

  it("ignores unknown values", () => {
    expect(readView(new URLSearchParams("sort=drop+table&dir=up&lagging=yes"))).toEqual(DEFAULT_VIEW);
    expect(readView(new URLSearchParams("sort=group"))).toEqual({
      ...DEFAULT_VIEW,
      sort: "group",
      dir: "asc",
    });
  });

  it("flips the direction of the current column and starts another at its natural direction", () => {
    expect(toggleSort(DEFAULT_VIEW, "status")).toMatchObject({ sort: "status", dir: "asc" });
    expect(toggleSort(DEFAULT_VIEW, "group")).toMatchObject({ sort: "group", dir: "asc" });
    expect(toggleSort(DEFAULT_VIEW, "timeLag")).toMatchObject({ sort: "timeLag", dir: "desc" });
  });
});

describe("drainLabel", () => {
  it("calls a group that keeps pace with a small lag keeping up, not never", () => {
    const steady = groupOf("collector", {
      totalLag: "33",
      maxTimeLagSeconds: 4.9,
      timeToDrainSeconds: "never",
    });
    expect(drainLabel(steady)).toEqual({ text: "keeping up", alarming: false });
  });

  it("says never, alarmingly, for a group that is behind and not gaining", () => {
    const paused = groupOf("inventory", {
      totalLag: "93",
      maxTimeLagSeconds: 45,
      timeToDrainSeconds: "never",
    });
    expect(drainLabel(paused)).toEqual({ text: "never", alarming: true });
    expect(
      drainLabel(groupOf("w", { status: "WARN", maxTimeLagSeconds: 2, timeToDrainSeconds: "never" })),
    ).toEqual({
      text: "never",
      alarming: true,
    });
  });

  it("formats the other estimates as they are", () => {
    expect(drainLabel(groupOf("a", { timeToDrainSeconds: 0 })).text).toBe("caught up");
    expect(drainLabel(groupOf("b", { timeToDrainSeconds: 75 })).text).toBe("~1 m 15 s");
    expect(drainLabel(groupOf("c", { timeToDrainSeconds: null })).text).toBe("—");
  });
});

describe("Eventscope's own groups", () => {
  const groups = [
    groupOf("inventory-service"),
    groupOf("eventscope-collector", { internal: true }),
    groupOf("eventscope-dlq-payments.DLQ", { internal: true }),
  ];

  it("are hidden by default and listed when asked for", () => {
    expect(ids(visibleGroups(groups, DEFAULT_VIEW))).toEqual(["inventory-service"]);
    expect(ids(visibleGroups(groups, { ...DEFAULT_VIEW, showInternal: true }))).toEqual([
      "inventory-service",
      "eventscope-collector",
      "eventscope-dlq-payments.DLQ",
    ]);
  });

  it("are shown after a reload of a URL that asked for them", () => {
    const query = writeView({ ...DEFAULT_VIEW, showInternal: true });
    expect(query).toBe("internal=1");
    expect(readView(new URLSearchParams(query)).showInternal).toBe(true);
    expect(readView(new URLSearchParams("")).showInternal).toBe(false);
  });
});
