"use client";

import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { TracesBody } from "@/components/traces/traces-body";
import { TracesFilterBar } from "@/components/traces/traces-filter-bar";
import { IndexWindowNote } from "@/components/traces/index-window-note";
import { useTraceFilterOptions } from "@/components/traces/use-trace-filter-options";
import { TRACES_REFRESH_MS, useTraces } from "@/components/traces/use-traces";
import { useTracesFilter } from "@/components/traces/use-traces-filter";
import palette from "@/components/traces/palette.module.css";
import styles from "@/components/traces/traces.module.css";

/**
 * The Traces page: recent traces, newest first, filtered by what the URL says and re-asked every few
 * seconds. State: the list in the query cache, the filter in the URL, nothing else.
 */
export function TracesView() {
  const { filter, updateFilter } = useTracesFilter();
  const query = useTraces(filter);
  const traces = query.data?.traces;
  const options = useTraceFilterOptions(filter, traces);
  const count = traces?.length ?? 0;

  return (
    <div className={`${styles.page} ${palette.palette}`}>
      <PageHeader
        title="Traces"
        description="Every request stitched into one story by its trace id. Open one to see where it spent its time, or where it got stuck."
        actions={query.data ? <IndexWindowNote coverage={query.data.window} /> : null}
      />
      <Panel
        title="Recent traces"
        meta={query.data ? `${count} shown · refreshes every ${TRACES_REFRESH_MS / 1_000} s` : null}
        testId="traces-panel"
        className={styles.panel}
      >
        <TracesFilterBar filter={filter} options={options} onChange={updateFilter} />
        <TracesBody query={query} filter={filter} onClearFilter={() => updateFilter(clearedFilter)} />
      </Panel>
    </div>
  );
}

const clearedFilter = { service: undefined, topic: undefined, status: undefined, minDurationMs: undefined };
