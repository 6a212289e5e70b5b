import { describe, expect, it } from "vitest";
import {
  DEFAULT_OBJECTIVE_MS,
  flowViewFromParams,
  paramsWithFlowView,
} from "@/components/flows/flow-view-params";

describe("flow view parameters", () => {
  it("reads defaults from a plain URL and writes nothing back for them", () => {
    const view = flowViewFromParams(new URLSearchParams(""));
    expect(view).toEqual({
      labels: "rate",
      window: "5m",
      objectiveMs: DEFAULT_OBJECTIVE_MS,
      at: null,
      edge: null,
      pathways: false,
    });
    expect(paramsWithFlowView("", view).toString()).toBe("");
  });

  it("round-trips a linked view and keeps the tail filter's parameters", () => {
    const search = "service=payment-service";
    const view = {
      labels: "latency",
      window: "1h",
      objectiveMs: 250,
      at: 1_700_000_000_000,
      edge: "c:orders->inventory",
      pathways: false,
    } as const;
    const params = paramsWithFlowView(search, view);
    expect(params.get("service")).toBe("payment-service");
    expect(flowViewFromParams(params)).toEqual(view);
  });

  it("ignores hand-edited nonsense instead of breaking the page", () => {
    const view = flowViewFromParams(new URLSearchParams("window=2d&objective=-5&at=soon&labels=x"));
    expect(view).toMatchObject({ labels: "rate", window: "5m", objectiveMs: DEFAULT_OBJECTIVE_MS, at: null });
  });
});
