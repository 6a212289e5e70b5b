import { describe, expect, it } from "vitest";
import { groupByErrorType } from "./error-groups";

const l = (type: string | null, message: string | null = null, redriven: unknown = null) => ({
  error: { type, message },
  redriven,
});

describe("groupByErrorType", () => {
  it("counts letters and pending letters per error type, largest group first", () => {
    const groups = groupByErrorType([
      l("Timeout", "took 30 s"),
      l("Declined", "card declined"),
      l("Declined", "insufficient funds", { taskId: "t" }),
    ]);
    expect(groups).toEqual([
      { errorType: "Declined", count: 2, pending: 1, sampleMessage: "card declined" },
      { errorType: "Timeout", count: 1, pending: 1, sampleMessage: "took 30 s" },
    ]);
  });

  it("puts letters without an error type in one group, after equally large named ones", () => {
    const groups = groupByErrorType([l(null), l("Z")]);
    expect(groups.map((g) => g.errorType)).toEqual(["Z", null]);
  });

  it("takes the first non-empty message as the sample", () => {
    expect(groupByErrorType([l("E"), l("E", "second")])[0]?.sampleMessage).toBe("second");
  });
});
