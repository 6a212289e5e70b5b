"use client";

import { useMemo } from "react";
import { Panel, PanelMessage } from "@/components/ui/panel";
import { useSocketState } from "@/components/live/live-socket-provider";
import { formatRate } from "@/components/events/format";
import { ThroughputChart } from "@/components/flows/throughput-chart";
import { SERIES_WINDOW_MS, toChartSeries } from "@/components/flows/throughput-series";
import { useThroughputSeries } from "@/components/flows/use-flow-stats";
import styles from "@/components/flows/flows.module.css";

const TOP_TOPICS = 5;
const windowLabel = `last ${SERIES_WINDOW_MS / 60_000} min`;

/** Live messages/s per topic (top 5 + other), from the 1 Hz `flows:stats` pushes kept in the cache. */
export function ThroughputPanel({ className }: { className?: string }) {
  const series = useThroughputSeries();
  const socketState = useSocketState();
  const chart = useMemo(() => (series ? toChartSeries(series, TOP_TOPICS) : null), [series]);
  const latest = series?.samples[series.samples.length - 1];
  const samples = series?.samples.length ?? 0;

  let body;
  if (!chart || samples < 2)
    body =
      socketState === "reconnecting" ? (
        <PanelMessage title="Reconnecting to the Eventscope server…" testId="throughput-waiting" />
      ) : (
        <PanelMessage title="Collecting throughput…" testId="throughput-waiting">
          The first points appear within a few seconds.
        </PanelMessage>
      );
  else if (chart.keys.length === 0)
    body = (
      <PanelMessage title={`No messages in the ${windowLabel}`} testId="throughput-empty">
        Is anything producing? Rates appear as soon as events arrive.
      </PanelMessage>
    );
  else
    body = (
      <div className={styles.chart}>
        <ThroughputChart chart={chart} />
      </div>
    );

  return (
    <Panel
      title="Throughput"
      meta={
        latest ? (
          <span data-testid="throughput-total">
            {formatRate(latest.totalRate)} total · {windowLabel}
          </span>
        ) : (
          windowLabel
        )
      }
      testId="throughput-panel"
      className={className}
    >
      <div className={styles.chartBody} data-testid="throughput-chart" data-samples={samples}>
        {body}
      </div>
    </Panel>
  );
}
