"use client";

import { useRouter } from "next/navigation";
import { type KeyboardEvent, useCallback } from "react";
import type { TraceSummary } from "@/lib/traces";
import { TracesTableRow } from "@/components/traces/traces-table-row";
import { useNow } from "@/components/traces/use-now";
import styles from "@/components/traces/traces.module.css";

export const traceHref = (traceId: string) => `/traces/${encodeURIComponent(traceId)}`;

const columns = ["Trace", "Root event", "Services", "Hops", "Duration", "Status", "Started"];

/**
 * Recent traces, newest first. A row opens its trace on click or Enter; ↑/↓ move between rows. At most a
 * couple of hundred rows (the API's limit), so a plain table: no virtualisation needed here.
 */
export function TracesTable({ traces, stale }: { traces: TraceSummary[]; stale: boolean }) {
  const router = useRouter();
  const now = useNow();
  const longest = Math.max(1, ...traces.map((t) => t.durationMs));

  const open = useCallback((traceId: string) => router.push(traceHref(traceId)), [router]);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLTableRowElement>, traceId: string | null) => {
      const row = e.currentTarget;
      const target =
        e.key === "ArrowDown"
          ? row.nextElementSibling
          : e.key === "ArrowUp"
            ? row.previousElementSibling
            : null;
      if (target instanceof HTMLElement) {
        e.preventDefault();
        target.focus();
      } else if (e.key === "Enter" && traceId) {
        e.preventDefault();
        open(traceId);
      }
    },
    [open],
  );

  return (
    <div className={styles.tableScroller} data-stale={stale || undefined} aria-busy={stale || undefined}>
      <table className={styles.table} data-testid="traces-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" data-col={column.toLowerCase().replace(" ", "-")}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {traces.map((trace, i) => (
            <TracesTableRow
              key={trace.traceId ?? `row-${i}`}
              trace={trace}
              now={now}
              longest={longest}
              onOpen={open}
              onKeyDown={onKeyDown}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
