import Link from "next/link";
import { type KeyboardEvent, type MouseEvent, memo } from "react";
import type { WaterfallRow as Row } from "@/lib/traces";
import { serviceColorVar } from "@/components/traces/service-palette";
import { WaterfallBar } from "@/components/traces/waterfall-bar";
import { RowMarkers } from "@/components/traces/waterfall-markers";
import styles from "@/components/traces/waterfall.module.css";

/** Indentation per causation level; deeper than MAX_INDENT levels keeps the last step (the depth is in the title). */
const INDENT_PX = 14;
const MAX_INDENT = 16;

const stop = (e: MouseEvent) => e.stopPropagation();

/**
 * One hop: the name column (indent, fold toggle, service and event over topic and markers, the dead-letter
 * link) and its bar on the time axis. Two lines, because on Kafka the topic is half of "where".
 */
export const WaterfallRow = memo(function WaterfallRow({
  row,
  totalMs,
  index,
  top,
  tabbable,
  selected,
  deadLetterHref,
  consumers,
  onClick,
  onKeyDown,
  onFold,
}: {
  row: Row;
  totalMs: number;
  index: number;
  top: number;
  tabbable: boolean;
  selected: boolean;
  deadLetterHref: string | null;
  consumers: readonly string[];
  onClick: (id: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>, index: number) => void;
  onFold: (id: string, folded: boolean) => void;
}) {
  const indent = Math.min(row.depth, MAX_INDENT) * INDENT_PX;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-level={row.depth + 1}
      aria-expanded={row.hasChildren ? !row.collapsed : undefined}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={styles.row}
      style={{
        transform: `translateY(${top}px)`,
        ["--svc" as string]: serviceColorVar(row.serviceColorIndex),
      }}
      data-testid="waterfall-row"
      data-index={index}
      data-hop-id={row.id}
      data-service={row.service ?? ""}
      data-dead-letter={row.deadLetter ? "true" : "false"}
      data-copied-by={row.copy?.gaveUpGroup ?? undefined}
      data-link={row.link}
      data-consumers={consumers.join(",")}
      data-status={row.status}
      onClick={() => onClick(row.id)}
      onKeyDown={(e) => onKeyDown(e, index)}
    >
      <div
        role="gridcell"
        className={styles.nameCell}
        title={`${row.service ?? "unknown service"} · ${row.label} · ${row.topic} (depth ${row.depth})`}
      >
        <span className={styles.indent} style={{ width: indent }} aria-hidden />
        {row.hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            className={styles.fold}
            data-collapsed={row.collapsed || undefined}
            aria-label={row.collapsed ? "Expand" : "Collapse"}
            data-testid="waterfall-fold"
            onClick={(e) => {
              e.stopPropagation();
              onFold(row.id, !row.collapsed);
            }}
          >
            ▾
          </button>
        ) : (
          <span className={styles.foldSpacer} aria-hidden />
        )}
        <span className={styles.swatch} aria-hidden />
        <span className={styles.names}>
          <span className={styles.line}>
            {/* A retry or dead-letter copy is the work of the group that gave up on it; the copy's
                own service header is the original producer's, shown beside it. */}
            {row.copy?.gaveUpGroup ? (
              <span className={styles.service} data-testid="copy-made-by">
                {row.copy.gaveUpGroup}
                <span className={styles.copyOf}> · from {row.service ?? "unknown"}</span>
              </span>
            ) : (
              <span className={styles.service}>{row.service ?? "unknown"}</span>
            )}
            <span className={styles.label}>{row.label}</span>
          </span>
          <span className={styles.line}>
            <span className={styles.topic}>{row.topic}</span>
            <RowMarkers row={row} first={index === 0} />
          </span>
        </span>
        {row.deadLetter && deadLetterHref ? (
          <Link
            href={deadLetterHref}
            className={styles.dlqLink}
            data-testid="dead-letter-link"
            title="Open this dead letter on the Dead letters page"
            onClick={stop}
          >
            DLQ ↗
          </Link>
        ) : null}
      </div>
      <div role="gridcell" className={styles.trackCell}>
        <WaterfallBar row={row} totalMs={totalMs} consumers={consumers} />
      </div>
    </div>
  );
});
