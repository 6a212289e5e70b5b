import { type KeyboardEvent, memo } from "react";
import type { TailEvent } from "@/lib/api/events";
import { tailColumns } from "@/components/events/tail-columns";
import styles from "@/components/events/tail.module.css";

/** One event of the live tail. Memoized: a flush re-renders only rows whose event or position changed. */
export const TailRow = memo(function TailRow({
  event,
  index,
  top,
  tabbable,
  isDlq,
  onOpen,
  onKeyDown,
}: {
  event: TailEvent;
  index: number;
  top: number;
  tabbable: boolean;
  isDlq: boolean;
  onOpen: (event: TailEvent) => void;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>, index: number) => void;
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      tabIndex={tabbable ? 0 : -1}
      className={styles.row}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="tail-row"
      data-event-id={event.id}
      data-index={index}
      data-dlq={isDlq || undefined}
      data-error={event.decodeError ? true : undefined}
      title={event.decodeError ? `Could not fully decode: ${event.decodeError}` : undefined}
      onClick={() => onOpen(event)}
      onKeyDown={(e) => onKeyDown(e, index)}
    >
      {tailColumns.map((column) => (
        <span
          key={column.id}
          role="gridcell"
          className={styles.cell}
          data-col={column.id}
          data-align={column.align}
          data-testid={`tail-cell-${column.id}`}
        >
          {column.render(event)}
        </span>
      ))}
    </div>
  );
});
