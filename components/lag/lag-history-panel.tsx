"use client";

import { useState } from "react";
import type { LagTopic } from "@/lib/api/lag";
import { Button } from "@/components/ui/button";
import { Panel, PanelMessage } from "@/components/ui/panel";
import { formatCompact, formatSeconds, secondsAxisFormatter } from "@/components/lag/format";
import { historyRows, latestTotal } from "@/components/lag/history-rows";
import { LagHistoryChart } from "@/components/lag/lag-history-chart";
import { TOP_TOPICS, topTopics } from "@/components/lag/top-topics";
import styles from "@/components/lag/group.module.css";

/**
 * Offset lag (sum per topic) and time lag (largest per topic) over the last hour, side by side: the topics
 * with the most lag and one "others" line, or every topic after a click.
 */
export function LagHistoryPanel({ topics }: { topics: LagTopic[] }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? topics : topTopics(topics);
  const folded = shown.length < topics.length;
  const offsets = historyRows(shown, "lag");
  const times = historyRows(shown, "timeLagSeconds");
  const latestLag = latestTotal(offsets);
  const latestTime = times.rows.at(-1);
  const maxTime = latestTime
    ? Math.max(
        0,
        ...times.series.map((s) => latestTime[s.key]).filter((v): v is number => typeof v === "number"),
      )
    : null;
  const empty = offsets.rows.length < 2;
  const waiting = (
    <PanelMessage title="Collecting history">The chart fills in from the next polls.</PanelMessage>
  );
  return (
    <div className={styles.charts}>
      <Panel
        title="Offset lag"
        meta={<span className={styles.chartMeta}>messages behind · last hour</span>}
        testId="lag-history-offset"
        actions={
          folded || showAll ? (
            <Button variant="ghost" onClick={() => setShowAll(!showAll)} data-testid="lag-history-all">
              {showAll ? `Top ${TOP_TOPICS} + others` : `All ${topics.length} topics`}
            </Button>
          ) : null
        }
      >
        <div
          className={styles.chartBody}
          data-testid="lag-history-offset-chart"
          data-points={offsets.rows.length}
          data-series={offsets.series.length}
          data-latest={latestLag ?? ""}
        >
          {empty ? (
            waiting
          ) : (
            <LagHistoryChart chart={offsets} formatValue={formatCompact} tickFormat={() => formatCompact} />
          )}
        </div>
      </Panel>
      <Panel
        title="Time lag"
        meta={<span className={styles.chartMeta}>seconds behind · last hour</span>}
        testId="lag-history-time"
      >
        <div
          className={styles.chartBody}
          data-testid="lag-history-time-chart"
          data-points={times.rows.length}
          data-latest={maxTime ?? ""}
        >
          {empty ? (
            waiting
          ) : (
            <LagHistoryChart chart={times} formatValue={formatSeconds} tickFormat={secondsAxisFormatter} />
          )}
        </div>
      </Panel>
    </div>
  );
}
