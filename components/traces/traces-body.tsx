"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { TracesResponse } from "@/lib/api/traces";
import { Button } from "@/components/ui/button";
import { PanelMessage } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import { type TracesFilter, isEmptyTracesFilter } from "@/components/traces/trace-filter-params";
import { TracesTable } from "@/components/traces/traces-table";
import { formatDuration } from "@/components/traces/trace-format";
import styles from "@/components/traces/traces.module.css";

/** The table, or why there is none: loading, failed, nothing matches, or nothing in the index yet. */
export function TracesBody({
  query,
  filter,
  onClearFilter,
}: {
  query: UseQueryResult<TracesResponse>;
  filter: TracesFilter;
  onClearFilter: () => void;
}) {
  const { data } = query;
  if (data && data.traces.length > 0)
    return <TracesTable traces={data.traces} stale={query.isPlaceholderData} />;
  if (query.isError)
    return (
      <PanelMessage title="Could not load recent traces" tone="error" testId="traces-error">
        {query.error.message}{" "}
        <Button variant="ghost" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </PanelMessage>
    );
  if (!data)
    return (
      <div className={styles.loading}>
        <Skeleton rows={8} />
      </div>
    );
  if (!isEmptyTracesFilter(filter))
    return (
      <PanelMessage title="No recent traces match these filters" testId="traces-empty">
        Matching traces show up here within a few seconds of starting.{" "}
        <Button variant="ghost" onClick={onClearFilter}>
          Clear the filters
        </Button>
      </PanelMessage>
    );
  const span =
    data.window.from !== null && data.window.to !== null ? data.window.to - data.window.from : null;
  return (
    <PanelMessage title="No traces yet" testId="traces-empty">
      {span !== null
        ? `Nothing with a trace id in the ${formatDuration(span)} of events Eventscope holds.`
        : "Eventscope has not read any events yet."}{" "}
      Traces appear as soon as services produce messages with a traceparent, B3 or correlation id.
    </PanelMessage>
  );
}
