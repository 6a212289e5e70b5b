"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { shortTraceId } from "@/components/events/format";
import { LatencyHistogram, LatencyOverTime } from "@/components/flows/latency-charts";
import { EdgeQueueSplit } from "@/components/flows/edge-queue-split";
import type { FlowViewState } from "@/components/flows/flow-view-params";
import { useEdgeLatency } from "@/components/flows/use-flow-latency";
import { formatDuration } from "@/components/traces/trace-format";
import styles from "@/components/flows/flow-graph.module.css";

/** One edge's hop latency: percentiles, histogram, p50/p99 per minute, and the slowest messages' traces. */
export function EdgeLatencyPanel({
  view,
  onClose,
}: {
  view: FlowViewState & { edge: string };
  onClose: () => void;
}) {
  const { data, error } = useEdgeLatency(view.edge, view.window, view.at);
  let body;
  if (error) body = <p role="alert">Could not load this edge&apos;s latency: {error.message}</p>;
  else if (!data) body = <p>Loading…</p>;
  else if (!data.stats)
    body = (
      <p data-testid="edge-latency-empty">
        No messages were paired across this edge in the last {view.window}: latency is measured from causation
        ids, or from trace ids when the producing service reads the topic before it.
      </p>
    );
  else
    body = (
      <>
        <p data-testid="edge-latency-stats">
          {data.stats.count} messages · p50 {formatDuration(data.stats.p50)} · p95{" "}
          {formatDuration(data.stats.p95)} · p99 {formatDuration(data.stats.p99)} · max{" "}
          {formatDuration(data.stats.max)}
        </p>
        <div className={styles.sideChart} data-testid="edge-latency-histogram">
          <LatencyHistogram bars={data.histogram} />
        </div>
        <div className={styles.sideChart}>
          <LatencyOverTime points={data.overTime} />
        </div>
        <h3>Slowest messages</h3>
        <ul className={styles.sideList} data-testid="edge-slowest">
          {data.slowest.map((m) => (
            <li key={m.recordId} data-testid="edge-slowest-message">
              <span>{formatDuration(m.ms)}</span>
              {m.originalProducer ? (
                <span
                  data-testid="edge-slowest-copy"
                  title="A retry or dead-letter copy: this edge's group gave up on the original and copied it"
                >
                  copy of {m.originalProducer}&apos;s message
                </span>
              ) : null}
              {m.traceId ? (
                <Link href={`/traces/${m.traceId}`} data-testid="edge-slowest-trace">
                  trace {shortTraceId(m.traceId)}
                </Link>
              ) : (
                <span title={m.recordId}>no trace id</span>
              )}
            </li>
          ))}
        </ul>
        <p>
          Hop latency is the later message&apos;s timestamp minus its cause&apos;s: queue time plus processing
          time.
        </p>
        <EdgeQueueSplit split={data.split} />
      </>
    );
  return (
    <aside className={styles.sidePanel} data-testid="edge-latency-panel" aria-label="Edge latency">
      <Button variant="ghost" onClick={onClose} aria-label="Close" style={{ float: "right" }}>
        ✕
      </Button>
      <h3>{view.edge.replace(/^[cp]:/, "")}</h3>
      {body}
    </aside>
  );
}
