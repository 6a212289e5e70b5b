"use client";

import Link from "next/link";
import type { AuditEntry } from "@/lib/api/dlq";
import { formatFullTimestamp } from "@/components/events/format";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel, PanelMessage } from "@/components/ui/panel";
import { useAudit } from "@/components/dlq/use-dlq";
import { useDlqLive } from "@/components/dlq/use-dlq-live";
import styles from "@/components/dlq/dlq.module.css";

const tone: Record<AuditEntry["outcome"], string> = {
  completed: "ok",
  succeeded: "ok",
  started: "accent",
  cancelled: "warn",
  failed: "err",
  refused: "err",
};

function Letters({ entry }: { entry: AuditEntry }) {
  if (entry.letterCount === 0) return <span className={styles.muted}>—</span>;
  if (entry.letters.length === 0) return <span>{entry.letterCount.toLocaleString()}</span>;
  return (
    <details>
      <summary>{entry.letterCount.toLocaleString()} re-driven</summary>
      <ul
        className={styles.mono}
        style={{ margin: "6px 0 0", paddingLeft: 16, maxHeight: 200, overflow: "auto" }}
      >
        {entry.letters.slice(0, 200).map((l) => (
          <li key={l.id}>
            {l.id} → {l.target} p{l.partition}@{l.offset ?? "?"}
          </li>
        ))}
        {entry.letters.length > 200 ? <li>… {entry.letters.length - 200} more</li> : null}
      </ul>
    </details>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  return (
    <tr data-testid="audit-row" data-action={entry.action} data-outcome={entry.outcome}>
      <td className={`${styles.nowrap} ${styles.muted}`}>{formatFullTimestamp(entry.at)}</td>
      <td>{entry.by}</td>
      <td className={styles.mono}>{entry.action}</td>
      <td>
        <span className={styles.badge} data-tone={tone[entry.outcome]}>
          {entry.outcome}
        </span>
      </td>
      <td className={styles.mono}>
        {entry.dlqTopic ? (
          <Link href={`/dlq/${encodeURIComponent(entry.dlqTopic)}`}>{entry.dlqTopic}</Link>
        ) : (
          "—"
        )}
      </td>
      <td className={styles.mono}>{entry.target ?? "—"}</td>
      <td>
        <Letters entry={entry} />
        {entry.counts && entry.outcome !== "started" ? (
          <div className={styles.muted}>
            {entry.counts.moved}/{entry.counts.total} sent
            {entry.counts.skipped ? `, ${entry.counts.skipped} skipped` : ""}
            {entry.counts.failed ? `, ${entry.counts.failed} failed` : ""}
          </div>
        ) : null}
      </td>
      <td className={styles.muted}>{entry.message ?? ""}</td>
    </tr>
  );
}

/** Who re-drove what, when, where to, with which result; and every sign-in. Newest first. */
export function AuditView({ topic = null }: { topic?: string | null }) {
  useDlqLive();
  const { data, error, isPending } = useAudit(topic);
  if (error)
    return (
      <EmptyState title="Could not load the audit log" tone="error">
        <p>{error.message}</p>
      </EmptyState>
    );
  return (
    <Panel title="Audit log" meta={data ? `${data.length} entries` : undefined} testId="audit-log">
      <div className={styles.scroll}>
        {isPending ? <PanelMessage title="Loading…" /> : null}
        {data && data.length === 0 ? <PanelMessage title="Nothing audited yet" testId="audit-empty" /> : null}
        {data && data.length > 0 ? (
          <table className={styles.table}>
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>Action</th>
                <th>Outcome</th>
                <th>DLQ topic</th>
                <th>Target</th>
                <th>Letters</th>
                <th>Note</th>
              </tr>
            </thead>
            <tbody>
              {data.map((e) => (
                <AuditRow key={e.id} entry={e} />
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </Panel>
  );
}
