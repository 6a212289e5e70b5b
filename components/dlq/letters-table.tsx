"use client";

import Link from "next/link";
import type { DeadLetterSummary } from "@/lib/api/dlq";
import { describeOrigin, shortTypeName } from "@/lib/dlq";
import { formatRelativeTime } from "@/components/traces/trace-format";
import { RedrivenBadge } from "@/components/dlq/redriven-badge";
import styles from "@/components/dlq/dlq.module.css";

function LetterRow({
  letter,
  now,
  selected,
  onToggle,
  onOpen,
}: {
  letter: DeadLetterSummary;
  now: number;
  selected: boolean;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
}) {
  return (
    <tr
      data-testid="letter-row"
      data-letter-id={letter.id}
      data-trace-id={letter.traceId ?? ""}
      data-clickable="true"
      aria-selected={selected}
      onClick={() => onOpen(letter.id)}
    >
      <td onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          checked={selected}
          onChange={() => onToggle(letter.id)}
          aria-label={`Select ${letter.id}`}
          data-testid="letter-select"
        />
      </td>
      <td className={`${styles.mono} ${styles.nowrap}`}>
        <button
          type="button"
          className={styles.linkButton}
          onClick={() => onOpen(letter.id)}
          data-testid="letter-open"
        >
          {letter.partition}/{letter.offset}
        </button>
      </td>
      <td
        className={styles.mono}
        title={letter.origin.source === "derived-from-name" ? "Derived from the DLQ's name" : undefined}
      >
        {describeOrigin(letter.origin)}
      </td>
      <td style={{ maxWidth: 420 }}>
        <strong title={letter.error.type ?? undefined}>{shortTypeName(letter.error.type)}</strong>
        <span className={`${styles.ellipsis} ${styles.muted}`} title={letter.error.message ?? undefined}>
          {letter.error.message ?? "—"}
        </span>
      </td>
      <td className={styles.num}>{letter.attempts ?? "—"}</td>
      <td className={`${styles.num} ${styles.muted}`} title={new Date(letter.timestamp).toISOString()}>
        {formatRelativeTime(letter.timestamp, now)}
      </td>
      <td onClick={(e) => e.stopPropagation()}>
        {letter.traceId ? (
          <Link href={`/traces/${letter.traceId}`} className={styles.mono} data-testid="letter-trace">
            {letter.traceId.slice(0, 8)}…
          </Link>
        ) : (
          <span className={styles.muted}>—</span>
        )}
      </td>
      <td>
        <RedrivenBadge mark={letter.redriven} />
      </td>
    </tr>
  );
}

/** The letters of a page of results, with a checkbox each; a click on a row opens its drawer. */
export function LettersTable({
  letters,
  now,
  selected,
  onToggle,
  onToggleAll,
  onOpen,
}: {
  letters: DeadLetterSummary[];
  now: number;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (ids: string[], on: boolean) => void;
  onOpen: (id: string) => void;
}) {
  const ids = letters.map((l) => l.id);
  const all = ids.length > 0 && ids.every((id) => selected.has(id));
  return (
    <table className={styles.table} data-testid="letters-table">
      <thead>
        <tr>
          <th style={{ width: 32 }}>
            <input
              type="checkbox"
              checked={all}
              onChange={() => onToggleAll(ids, !all)}
              aria-label="Select every letter shown"
              data-testid="letters-select-all"
            />
          </th>
          <th>Partition/offset</th>
          <th>Origin</th>
          <th>Error</th>
          <th className={styles.num}>Attempts</th>
          <th className={styles.num}>Age</th>
          <th>Trace</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {letters.map((l) => (
          <LetterRow
            key={l.id}
            letter={l}
            now={now}
            selected={selected.has(l.id)}
            onToggle={onToggle}
            onOpen={onOpen}
          />
        ))}
      </tbody>
    </table>
  );
}
