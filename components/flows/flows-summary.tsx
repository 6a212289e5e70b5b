"use client";

import { formatRate } from "@/components/events/format";
import { useFlowStats } from "@/components/flows/use-flow-stats";
import { useTopics } from "@/components/flows/use-topics";
import styles from "@/components/flows/flows.module.css";

const totalRate = (stats: { totalRate: number }) => stats.totalRate;

/** Headline figures beside the page title: the whole system's rate and what it is made of. */
export function FlowsSummary() {
  const rate = useFlowStats(totalRate);
  const topics = useTopics({ poll: true }).data?.topics;
  const dlqs = topics?.filter((t) => t.isDlq).length ?? 0;
  return (
    <dl className={styles.summary} data-testid="flows-summary">
      <div>
        <dt>Throughput</dt>
        <dd>{rate === undefined ? "—" : formatRate(rate)}</dd>
      </div>
      <div>
        <dt>Topics</dt>
        <dd>{topics ? topics.length : "—"}</dd>
      </div>
      <div data-tone={dlqs > 0 ? "error" : undefined}>
        <dt>Dead-letter topics</dt>
        <dd>{topics ? dlqs : "—"}</dd>
      </div>
    </dl>
  );
}
