"use client";

import { useCallback, useMemo, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { Button } from "@/components/ui/button";
import { HopDetail } from "@/components/traces/hop-detail";
import { TraceHeader } from "@/components/traces/trace-header";
import { TraceNotFound } from "@/components/traces/trace-not-found";
import { TraceSkeleton } from "@/components/traces/trace-skeleton";
import { WaterfallPanel } from "@/components/traces/waterfall-panel";
import { isNotFound, useTrace } from "@/components/traces/use-trace";
import { useTraceWatch } from "@/components/traces/use-trace-watch";
import palette from "@/components/traces/palette.module.css";
import styles from "@/components/traces/trace-page.module.css";

/** Puts focus back on the waterfall row of a hop whose details were closed (if it is still rendered). */
function focusHopRow(id: string) {
  const rows = document.querySelectorAll<HTMLElement>('[data-testid="waterfall-row"]');
  [...rows].find((row) => row.dataset.hopId === id)?.focus();
}

/**
 * The trace page: header, waterfall and the details of the selected hop. State: the trace in the query
 * cache (refetched on `trace:changed`), the selected hop local (it is not worth a URL of its own).
 */
export function TraceView({ traceId }: { traceId: string }) {
  const query = useTrace(traceId);
  const data = query.data;
  useTraceWatch(traceId, data ? (data.trace.traceId ?? traceId) : null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const hops = useMemo(() => new Map(data?.trace.hops.map((h) => [h.id, h])), [data]);
  const selected = selectedId ? hops.get(selectedId) : undefined;

  const close = useCallback(() => {
    if (selectedId) requestAnimationFrame(() => focusHopRow(selectedId));
    setSelectedId(null);
  }, [selectedId]);

  if (!data) {
    if (isNotFound(query.error))
      return <TraceNotFound query={traceId} message={query.error.message} rechecking />;
    if (query.isError)
      return (
        <EmptyState title="Could not load this trace" tone="error" testId="trace-error">
          <p>{query.error.message}</p>
          <Button onClick={() => void query.refetch()}>Try again</Button>
        </EmptyState>
      );
    return <TraceSkeleton />;
  }

  return (
    <div className={`${styles.page} ${palette.palette}`}>
      <TraceHeader data={data} refreshError={query.isError ? query.error.message : null} />
      <div className={styles.body} data-detail={selected ? "open" : undefined}>
        <WaterfallPanel
          trace={data.trace}
          deadLetterLinks={data.deadLetterLinks}
          selectedId={selected ? selected.id : null}
          onSelect={setSelectedId}
        />
        {selected ? (
          <HopDetail
            key={selected.id}
            hop={selected}
            traceStart={data.trace.startedAt}
            deadLetterLink={data.deadLetterLinks[selected.id] ?? null}
            onClose={close}
          />
        ) : null}
      </div>
    </div>
  );
}
