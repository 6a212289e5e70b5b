import { describe, expect, it } from "vitest";
import { barGeometry, barTooltip, tickMarks } from "@/components/traces/bar-geometry";

const bar = (parts: Partial<Parameters<typeof barGeometry>[0]> = {}) => ({
  startOffsetMs: 0,
  durationMs: 0,
  queueMs: null,
  processingMs: null,
  ...parts,
});

describe("barGeometry", () => {
  it("places a bar by its offset and duration in percent of the trace", () => {
    const g = barGeometry(bar({ startOffsetMs: 250, durationMs: 500 }), 1_000);
    expect(g).toMatchObject({ left: 25, width: 50 });
  });

  it("never lets a bar run past the end of the axis", () => {
    const g = barGeometry(bar({ startOffsetMs: 900, durationMs: 500 }), 1_000);
    expect(g.left + g.width).toBe(100);
  });

  it("puts everything at zero width for an empty trace instead of dividing by zero", () => {
    expect(barGeometry(bar({ startOffsetMs: 0, durationMs: 0 }), 0)).toMatchObject({ left: 0, width: 0 });
  });

  it("splits queue and processing by their share of the hop", () => {
    const g = barGeometry(bar({ durationMs: 400, queueMs: 100, processingMs: 300 }), 1_000);
    expect(g.queueShare).toBe(0.25);
  });

  it("draws a consumed leaf hop as all queue time", () => {
    expect(barGeometry(bar({ durationMs: 40, queueMs: 40 }), 100).queueShare).toBe(1);
  });

  it("leaves the split unknown when no commit observation split the hop", () => {
    expect(barGeometry(bar({ durationMs: 40 }), 100).queueShare).toBeNull();
  });

  it("puts the label after a bar when there is room on the right", () => {
    expect(barGeometry(bar({ startOffsetMs: 10, durationMs: 20 }), 100)).toMatchObject({
      labelSide: "after",
      labelRoom: 70,
    });
  });

  it("moves the label before bars that end near the right edge", () => {
    expect(barGeometry(bar({ startOffsetMs: 70, durationMs: 20 }), 100)).toMatchObject({
      labelSide: "before",
      labelRoom: 70,
    });
  });

  it("puts the label inside a bar that spans most of the axis", () => {
    expect(barGeometry(bar({ startOffsetMs: 1, durationMs: 98 }), 100)).toMatchObject({
      labelSide: "inside",
      labelRoom: 98,
    });
  });
});

describe("tickMarks", () => {
  it("turns axis offsets into positions and readable labels", () => {
    expect(tickMarks({ ticks: [0, 500, 1_000, 1_500], totalMs: 2_000 })).toEqual([
      { offsetMs: 0, position: 0, label: "0" },
      { offsetMs: 500, position: 25, label: "500 ms" },
      { offsetMs: 1_000, position: 50, label: "1 s" },
      { offsetMs: 1_500, position: 75, label: "1.5 s" },
    ]);
  });

  it("keeps the single tick of an empty trace at the start", () => {
    expect(tickMarks({ ticks: [0], totalMs: 0 })).toEqual([{ offsetMs: 0, position: 0, label: "0" }]);
  });
});

describe("barTooltip", () => {
  const row = { label: "OrderPlaced", service: "order-service", startOffsetMs: 12 };
  it("explains queue and processing time when both are known", () => {
    const text = barTooltip({ ...row, durationMs: 30, queueMs: 10, processingMs: 20 });
    expect(text).toContain("Queue 10 ms");
    expect(text).toContain("Processing 20 ms");
    expect(text).toContain("starts 12 ms after the trace began");
  });

  it("says when the split is unknown", () => {
    expect(barTooltip({ ...row, durationMs: 30, queueMs: null, processingMs: null })).toContain(
      "no commit observation",
    );
  });

  it("says when nothing consumed the message yet", () => {
    expect(barTooltip({ ...row, service: null, durationMs: 0, queueMs: null, processingMs: null })).toMatch(
      /^unknown service · OrderPlaced: 0 ms\nNo consumer/,
    );
  });
});
