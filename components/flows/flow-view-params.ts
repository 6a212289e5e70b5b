/**
 * The Flows graph's view state as it lives in the URL (linkable, survives a reload): what edge labels
 * show, the latency window and objective, the moment scrubbed back to, the open edge or pathways panel.
 * Pure, so reading and writing the parameters is unit tested apart from React.
 */
import type { LatencyWindowName } from "@/lib/api/flow-latency";

export interface FlowViewState {
  labels: "rate" | "latency";
  window: LatencyWindowName;
  /** Edges whose p99 is above this are drawn as slow. */
  objectiveMs: number;
  /** ms since epoch the graph is scrubbed back to; null = live. */
  at: number | null;
  /** Edge whose latency panel is open. */
  edge: string | null;
  pathways: boolean;
}

export const DEFAULT_OBJECTIVE_MS = 500;
const WINDOWS: readonly LatencyWindowName[] = ["1m", "5m", "1h"];

export function flowViewFromParams(params: URLSearchParams): FlowViewState {
  const objective = Number(params.get("objective"));
  const at = Number(params.get("at"));
  const window = params.get("window") as LatencyWindowName | null;
  return {
    labels: params.get("labels") === "latency" ? "latency" : "rate",
    window: window && WINDOWS.includes(window) ? window : "5m",
    objectiveMs: Number.isFinite(objective) && objective > 0 ? objective : DEFAULT_OBJECTIVE_MS,
    at: Number.isInteger(at) && at > 0 ? at : null,
    edge: params.get("edge") || null,
    pathways: params.get("pathways") === "1",
  };
}

/** `search` with the view's parameters replaced; defaults are left out so plain URLs stay plain. */
export function paramsWithFlowView(search: string, view: FlowViewState): URLSearchParams {
  const params = new URLSearchParams(search);
  const set = (key: string, value: string | null) =>
    value === null ? params.delete(key) : params.set(key, value);
  set("labels", view.labels === "rate" ? null : view.labels);
  set("window", view.window === "5m" ? null : view.window);
  set("objective", view.objectiveMs === DEFAULT_OBJECTIVE_MS ? null : String(view.objectiveMs));
  set("at", view.at === null ? null : String(view.at));
  set("edge", view.edge);
  set("pathways", view.pathways ? "1" : null);
  return params;
}
