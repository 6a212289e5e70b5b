"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useCallback, useRef, useState } from "react";
import type { TailEvent } from "@/lib/api/events";
import { tailColumns, tailGridTemplate } from "@/components/events/tail-columns";
import { TailRow } from "@/components/events/tail-row";
import styles from "@/components/events/tail.module.css";

/** Fixed row height: the virtualizer never measures, so a fast stream costs no layout reads. */
export const TAIL_ROW_HEIGHT = 30;

/**
 * The tail's rows, newest first, virtualised: only the rows in view (plus a few) are in the DOM, whatever
 * the buffer holds. Arrow keys move between rows, Enter opens one; one row is in the tab order at a time.
 */
export function TailTable({
  rows,
  dlqTopics,
  onOpen,
  onPointerHold,
}: {
  rows: TailEvent[];
  dlqTopics: ReadonlySet<string>;
  onOpen: (event: TailEvent) => void;
  /** true when the pointer enters the list, false when it leaves: the tail holds still meanwhile. */
  onPointerHold: (holding: boolean) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  // The React Compiler is not enabled here; the virtualizer instance itself is stable across renders, and
  // rows get plain values (index, top), never its functions, so nothing memoized can go stale.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => TAIL_ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 8,
  });

  const focusRow = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(rows.length - 1, index));
      setFocusIndex(target);
      virtualizer.scrollToIndex(target, { align: "auto" });
      // The row may only exist after the virtualizer re-renders for the new scroll position.
      requestAnimationFrame(() =>
        scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus(),
      );
    },
    [rows.length, virtualizer],
  );

  const onRowKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>, index: number) => {
      const moves: Record<string, number> = {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        Home: 0,
        End: rows.length - 1,
      };
      const next = moves[e.key];
      if (next !== undefined) {
        e.preventDefault();
        focusRow(next);
      } else if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        const event = rows[index];
        if (event) onOpen(event);
      }
    },
    [focusRow, onOpen, rows],
  );

  const tabbable = Math.min(focusIndex, rows.length - 1);
  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      aria-label="Live events, newest first"
      aria-rowcount={rows.length + 1}
      data-testid="tail-list"
      tabIndex={-1}
      onPointerEnter={() => onPointerHold(true)}
      onPointerLeave={() => onPointerHold(false)}
      style={{ ["--tail-columns" as string]: tailGridTemplate }}
    >
      <div role="row" className={styles.headerRow} aria-rowindex={1}>
        {tailColumns.map((column) => (
          <span key={column.id} role="columnheader" className={styles.cell} data-align={column.align}>
            {column.label}
          </span>
        ))}
      </div>
      <div className={styles.rows} style={{ height: virtualizer.getTotalSize() }} role="rowgroup">
        {virtualizer.getVirtualItems().map((item) => {
          const event = rows[item.index];
          if (!event) return null;
          return (
            <TailRow
              key={item.key}
              event={event}
              index={item.index}
              top={item.start}
              tabbable={item.index === tabbable}
              isDlq={dlqTopics.has(event.topic)}
              onOpen={onOpen}
              onKeyDown={onRowKeyDown}
            />
          );
        })}
      </div>
    </div>
  );
}
