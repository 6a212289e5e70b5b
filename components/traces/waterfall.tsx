"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from "react";
import type { Waterfall as WaterfallModel } from "@/lib/traces";
import { tickMarks } from "@/components/traces/bar-geometry";
import { WaterfallAxis } from "@/components/traces/waterfall-axis";
import { WaterfallRow } from "@/components/traces/waterfall-row";
import { rowKeyAction } from "@/components/traces/waterfall-keys";
import styles from "@/components/traces/waterfall.module.css";

const noConsumers: readonly string[] = [];

/** Fixed row height: the virtualizer never measures, so thousands of hops cost no layout reads. */
export const WATERFALL_ROW_HEIGHT = 40;

/**
 * The hops as a virtualised tree grid: only the rows in view (plus a few) are in the DOM. One row is in
 * the tab order at a time; keys follow `rowKeyAction`. Focus is remembered by hop id, so it stays on the
 * same hop while the trace grows or subtrees fold.
 */
export function Waterfall({
  waterfall,
  deadLetterLinks,
  consumers,
  selectedId,
  onSelect,
  onFold,
}: {
  waterfall: WaterfallModel;
  deadLetterLinks: Record<string, string>;
  consumers: ReadonlyMap<string, readonly string[]>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onFold: (id: string, folded: boolean) => void;
}) {
  const { rows, axis } = waterfall;
  const scroller = useRef<HTMLDivElement>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const ticks = useMemo(() => tickMarks(axis), [axis]);
  // The React Compiler is not enabled here; rows get plain values (index, top), never the virtualizer's
  // functions, so nothing memoized can go stale.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => WATERFALL_ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 10,
  });

  const focusRow = useCallback(
    (index: number) => {
      const id = rows[index]?.id;
      if (id === undefined) return;
      setFocusId(id);
      virtualizer.scrollToIndex(index, { align: "auto" });
      // The row may only exist after the virtualizer re-renders for the new scroll position.
      requestAnimationFrame(() =>
        scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus(),
      );
    },
    [rows, virtualizer],
  );

  const onRowKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>, index: number) => {
      if (e.target !== e.currentTarget) return; // keys on the row's links and buttons are theirs
      const action = rowKeyAction(e.key, rows, index);
      if (!action) return;
      e.preventDefault();
      if (action.type === "focus") focusRow(action.index);
      else if (action.type === "open") onSelect(action.id);
      else onFold(action.id, action.type === "collapse");
    },
    [rows, focusRow, onSelect, onFold],
  );

  const onRowClick = useCallback(
    (id: string) => {
      setFocusId(id);
      onSelect(id);
    },
    [onSelect],
  );

  const found = rows.findIndex((r) => r.id === focusId);
  const tabbable = found >= 0 ? found : 0;
  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="treegrid"
      aria-label="Hops of the trace on a common time axis"
      aria-rowcount={rows.length + 1}
      data-testid="waterfall"
      data-rows={rows.length}
      tabIndex={-1}
    >
      <WaterfallAxis ticks={ticks} />
      <div className={styles.rows} style={{ height: virtualizer.getTotalSize() }} role="rowgroup">
        <div className={styles.gridLines} aria-hidden>
          {ticks.map((tick) => (
            <span key={tick.offsetMs} style={{ left: `${tick.position}%` }} />
          ))}
        </div>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <WaterfallRow
              key={item.key}
              row={row}
              totalMs={axis.totalMs}
              index={item.index}
              top={item.start}
              tabbable={item.index === tabbable}
              selected={row.id === selectedId}
              deadLetterHref={deadLetterLinks[row.id] ?? null}
              consumers={consumers.get(row.id) ?? noConsumers}
              onClick={onRowClick}
              onKeyDown={onRowKeyDown}
              onFold={onFold}
            />
          );
        })}
      </div>
    </div>
  );
}
