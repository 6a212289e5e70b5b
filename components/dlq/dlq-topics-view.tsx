"use client";

import Link from "next/link";
import type { DlqTopicSummary } from "@/lib/api/dlq";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel, PanelMessage } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import { formatRelativeTime } from "@/components/traces/trace-format";
import { useNow } from "@/components/traces/use-now";
import { useDlqLive } from "@/components/dlq/use-dlq-live";
import { useDlqTopics } from "@/components/dlq/use-dlq";
import styles from "@/components/dlq/dlq.module.css";

function TopicRow({ topic, now }: { topic: DlqTopicSummary; now: number }) {
  const href = `/dlq/${encodeURIComponent(topic.topic)}`;
  return (
    <tr data-testid="dlq-topic-row" data-topic={topic.topic}>
      <td>
        <Link href={href} className={styles.mono} data-testid="dlq-topic-link">
          {topic.topic}
        </Link>
        {topic.activeTaskId ? (
          <span className={styles.badge} data-tone="accent" style={{ marginLeft: 8 }}>
            re-driving
          </span>
        ) : null}
      </td>
      <td className={styles.muted}>{topic.origins.slice(0, 3).join(", ") || "—"}</td>
      <td className={styles.num} data-testid="dlq-topic-total">
        {topic.total.toLocaleString()}
        {topic.windowed ? (
          <span title="More letters than Eventscope keeps; the oldest are left out">+</span>
        ) : null}
      </td>
      <td className={styles.num} data-testid="dlq-topic-pending">
        {topic.pending > 0 ? (
          <span className={styles.badge} data-tone="warn">
            {topic.pending.toLocaleString()}
          </span>
        ) : (
          "0"
        )}
      </td>
      <td className={styles.num} data-testid="dlq-topic-redriven">
        {topic.redriven.toLocaleString()}
      </td>
      <td className={`${styles.num} ${styles.muted}`}>
        {topic.newestAt === null ? "—" : formatRelativeTime(topic.newestAt, now)}
      </td>
      <td className={styles.muted}>
        {topic.recognisedBy === "name" ? "by name" : "by headers"}
        {topic.loaded ? null : " · reading…"}
      </td>
    </tr>
  );
}

/** Every DLQ topic with its counts; a row opens the topic. */
export function DlqTopicsView() {
  useDlqLive();
  const now = useNow();
  const { data, error, isPending } = useDlqTopics();
  if (isPending) return <Skeleton rows={5} />;
  if (error)
    return (
      <EmptyState title="Could not load the dead-letter topics" tone="error" testId="dlq-error">
        <p>{error.message}</p>
      </EmptyState>
    );
  if (data.topics.length === 0)
    return (
      <EmptyState
        title={data.state === "loading" ? "Looking for dead-letter topics…" : "No dead-letter topics"}
        testId="dlq-empty"
      >
        <p>
          A topic counts as a DLQ when its name matches a pattern such as <code>*.DLQ</code> or{" "}
          <code>*-dlt</code> (EVENTSCOPE_DLQ_PATTERNS), or when its records carry dead-letter headers (Spring,
          Kafka Connect, Kafka Streams, <code>x-original-*</code>).
        </p>
      </EmptyState>
    );
  const pending = data.topics.reduce((n, t) => n + t.pending, 0);
  return (
    <Panel
      title="Dead-letter topics"
      meta={`${data.topics.length} topic${data.topics.length === 1 ? "" : "s"} · ${pending.toLocaleString()} pending`}
      testId="dlq-topics"
    >
      {data.state === "loading" ? <PanelMessage title="Reading the re-drive ledger…" /> : null}
      <div className={styles.scroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th>Topic</th>
              <th>Origin</th>
              <th className={styles.num}>Total</th>
              <th className={styles.num}>Pending</th>
              <th className={styles.num}>Re-driven</th>
              <th className={styles.num}>Newest</th>
              <th>Recognised</th>
            </tr>
          </thead>
          <tbody>
            {data.topics.map((t) => (
              <TopicRow key={t.topic} topic={t} now={now} />
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
