"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { TraceResponse } from "@/lib/api/traces";
import { CopyButton } from "@/components/ui/copy-button";
import { useSocketState } from "@/components/live/live-socket-provider";
import { formatFullTimestamp } from "@/components/events/format";
import { ServiceChips } from "@/components/traces/service-chip";
import { formatDuration, matchedByNote } from "@/components/traces/trace-format";
import { messagesSpanMs, spanDiffers } from "@/components/traces/trace-span";
import { TraceStatusBadge } from "@/components/traces/trace-status-badge";
import styles from "@/components/traces/trace-page.module.css";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className={styles.fact}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function LiveBadge() {
  const live = useSocketState() === "connected";
  return (
    <span
      className={styles.live}
      data-live={live || undefined}
      title={
        live
          ? "New hops of this trace appear as they arrive"
          : "Not connected: new hops appear once it reconnects"
      }
    >
      <span className={styles.liveDot} aria-hidden />
      {live ? "Live" : "Paused"}
    </span>
  );
}

/** Who, how long, how it ended, and how the pasted id found it. */
export function TraceHeader({ data, refreshError }: { data: TraceResponse; refreshError: string | null }) {
  const { trace, summary, query } = data;
  const id = trace.traceId ?? query.raw;
  const linked = trace.traceIds.length - 1;
  const span = messagesSpanMs(trace);
  return (
    <header className={styles.header} data-testid="trace-header">
      <div className={styles.titleRow}>
        <div className={styles.titleBlock}>
          <nav className={styles.crumbs} aria-label="Breadcrumb">
            <Link href="/traces">Traces</Link> <span aria-hidden>/</span>{" "}
            <span>{trace.traceId ? "trace" : "correlated events"}</span>
          </nav>
          <h1 className={styles.title}>
            {summary.rootEventType ?? "Trace"}
            {summary.rootService ? (
              <span className={styles.titleService}> · {summary.rootService}</span>
            ) : null}
          </h1>
          <div className={styles.idLine}>
            <span className="mono" data-testid="trace-id">
              {id}
            </span>
            <CopyButton value={id} label={trace.traceId ? "Copy trace id" : "Copy search term"} />
            <span className={styles.matched} data-testid="trace-matched-by">
              {matchedByNote(query)}
            </span>
          </div>
        </div>
        <div className={styles.statusBlock}>
          <TraceStatusBadge
            status={summary.status}
            hasDeadLetter={summary.hasDeadLetter}
            errorCount={summary.errorCount}
          />
          <LiveBadge />
        </div>
      </div>
      <dl className={styles.facts}>
        <Fact label="Duration" testId="trace-duration">
          {formatDuration(trace.durationMs)}
          {spanDiffers(trace.durationMs, span) ? (
            <span
              className={styles.factNote}
              title="The rest is consumption known from committed offsets: an upper bound at the lag poller's pace"
            >
              last message at +{formatDuration(span)}
            </span>
          ) : null}
        </Fact>
        <Fact label="Hops" testId="trace-hop-count">
          {summary.hopCount.toLocaleString("en-US")}
        </Fact>
        <Fact label="Started">{trace.startedAt !== null ? formatFullTimestamp(trace.startedAt) : "—"}</Fact>
        <Fact label={`Services (${summary.services.length})`} testId="trace-services">
          <ServiceChips services={summary.services} max={8} />
        </Fact>
      </dl>
      {data.truncated || linked > 0 || refreshError ? (
        <div className={styles.notices}>
          {data.truncated ? (
            <p className={styles.notice} data-tone="warn" data-testid="trace-truncated">
              This trace links to more events than Eventscope stitches at once; some are left out.
            </p>
          ) : null}
          {linked > 0 ? (
            <p className={styles.notice}>
              Includes hops from {linked} linked trace{linked === 1 ? "" : "s"} (batch consumers start a new
              trace per poll); they are marked “linked” below.
            </p>
          ) : null}
          {refreshError ? (
            <p className={styles.notice} data-tone="error">
              Could not refresh: {refreshError}. Showing the last version.
            </p>
          ) : null}
        </div>
      ) : null}
    </header>
  );
}
