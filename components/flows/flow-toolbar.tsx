"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatClock } from "@/components/events/format";
import type { FlowViewState } from "@/components/flows/flow-view-params";
import styles from "@/components/flows/flow-graph.module.css";

const HOUR_MS = 3_600_000;

/** Edge labels (rate ↔ latency), latency window and objective, and the scrubber over the last hour. */
export function FlowToolbar({
  view,
  update,
}: {
  view: FlowViewState;
  update: (patch: Partial<FlowViewState>) => void;
}) {
  // Minutes back from now, as last scrubbed (or read from the URL on load); the slider's right end is live.
  const [scrubbed, setScrubbed] = useState(() =>
    view.at === null ? 0 : Math.round((Date.now() - view.at) / 60_000),
  );
  const minutesBack = view.at === null ? 0 : scrubbed;
  return (
    <div className={styles.toolbar}>
      <Button
        data-testid="flow-labels-toggle"
        aria-pressed={view.labels === "latency"}
        onClick={() => update({ labels: view.labels === "latency" ? "rate" : "latency" })}
      >
        {view.labels === "latency" ? "Show rates" : "Show latency"}
      </Button>
      <label>
        window
        <select
          data-testid="flow-window"
          value={view.window}
          onChange={(e) => update({ window: e.target.value as FlowViewState["window"] })}
        >
          <option value="1m">1 min</option>
          <option value="5m">5 min</option>
          <option value="1h">1 hour</option>
        </select>
      </label>
      <label title="Edges whose p99 is above this are drawn red">
        objective ms
        <input
          type="number"
          min={1}
          data-testid="flow-objective"
          value={view.objectiveMs}
          onChange={(e) => {
            const ms = Number(e.target.value);
            if (ms > 0) update({ objectiveMs: ms });
          }}
        />
      </label>
      <label title="Scrub the graph back over the last hour (rates and latency as they were)">
        {view.at === null ? "live" : `at ${formatClock(view.at)}`}
        <input
          type="range"
          min={-60}
          max={0}
          step={1}
          data-testid="flow-scrub"
          value={-minutesBack}
          onChange={(e) => {
            const back = -Number(e.target.value);
            setScrubbed(back);
            update({ at: back === 0 ? null : Date.now() - Math.min(back * 60_000, HOUR_MS) });
          }}
        />
      </label>
      {view.at !== null ? (
        <Button data-testid="flow-live" onClick={() => update({ at: null })}>
          Back to live
        </Button>
      ) : null}
      <Button
        data-testid="flow-pathways-toggle"
        aria-pressed={view.pathways}
        onClick={() => update({ pathways: !view.pathways, edge: null })}
      >
        Pathways
      </Button>
    </div>
  );
}
