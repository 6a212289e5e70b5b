import { describe, expect, it } from "vitest";
import { extendPathway, hopLatency, MAX_PATHWAY_TOPICS, processingTime, queueTime } from "./definitions";

describe("latency definitions", () => {
  it("counts a hop that came out negative through clock skew as 0", () => {
    expect(hopLatency(1_000, 1_250)).toBe(250);
    expect(hopLatency(1_000, 990)).toBe(0);
  });

  it("bounds queue time by the two lag polls around the commit, and processing is the rest of the hop", () => {
    // Produced at 1.0 s; the commit was not seen at the 1.5 s poll but was at the 6.5 s poll.
    expect(queueTime(1_000, 1_500, 6_500)).toEqual({ atLeast: 500, atMost: 5_500 });
    expect(processingTime(800, 500)).toBe(300);
    expect(processingTime(800, 5_500)).toBe(0);
  });

  it("keeps a long pathway's start and end around an ellipsis so keys stay bounded", () => {
    let path = ["t0"];
    for (let i = 1; i < 20; i++) path = extendPathway(path, `t${i}`);
    expect(path).toHaveLength(MAX_PATHWAY_TOPICS);
    expect(path.slice(0, 2)).toEqual(["t0", "t1"]);
    expect(path.slice(-2)).toEqual(["…", "t19"]);
  });
});
