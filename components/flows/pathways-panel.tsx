"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { shortTraceId } from "@/components/events/format";
import type { FlowViewState } from "@/components/flows/flow-view-params";
import { useFlowAt } from "@/components/flows/use-flow-latency";
import { formatDuration } from "@/components/traces/trace-format";
import styles from "@/components/flows/flow-graph.module.css";

const SHOWN = 20;

/** The slowest end-to-end pathways (topics from a flow's root) with p50/p99 and example traces. */
export function PathwaysPanel({ view, onClose }: { view: FlowViewState; onClose: () => void }) {
  const { data } = useFlowAt(view.window, view.at, (g) => g.latency);
  const pathways = (data?.pathways ?? []).filter((p) => p.topics.length > 1).slice(0, SHOWN);
  return (
    <aside className={styles.sidePanel} data-testid="pathways-panel" aria-label="Pathways">
      <Button variant="ghost" onClick={onClose} aria-label="Close" style={{ float: "right" }}>
        ✕
      </Button>
      <h3>Slowest pathways · {view.window}</h3>
      {data?.traces ? (
        <p>
          Whole traces: p50 {formatDuration(data.traces.p50)} · p99 {formatDuration(data.traces.p99)} (
          {data.traces.count})
        </p>
      ) : null}
      {pathways.length === 0 ? (
        <p data-testid="pathways-empty">No multi-hop flows in this window yet.</p>
      ) : null}
      <ul className={styles.sideList}>
        {pathways.map((p) => (
          <li key={p.id} data-testid="pathway" style={{ flexDirection: "column" }}>
            <span data-testid="pathway-topics">{p.id}</span>
            <span>
              p50 {formatDuration(p.stats.p50)} · p99 {formatDuration(p.stats.p99)} · {p.stats.count} messages
              {p.examples
                .filter((e) => e.traceId)
                .map((e) => (
                  <Link key={e.recordId} href={`/traces/${e.traceId}`} style={{ marginLeft: 8 }}>
                    {shortTraceId(e.traceId ?? "")} ({formatDuration(e.ms)})
                  </Link>
                ))}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
