"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { LettersQuery } from "@/components/dlq/use-dlq";
import styles from "@/components/dlq/letters-toolbar.module.css";

const statuses: { value: LettersQuery["status"]; label: string }[] = [
  { value: "all", label: "All" },
  { value: "pending", label: "Pending" },
  { value: "redriven", label: "Re-driven" },
];

/** Status filter, search, and the re-drive actions for the selection or for everything that matches. */
export function LettersToolbar({
  status,
  onStatus,
  onSearch,
  selectedCount,
  matched,
  onRedriveSelected,
  onRedriveMatching,
  onClearSelection,
}: {
  status: LettersQuery["status"];
  onStatus: (s: LettersQuery["status"]) => void;
  onSearch: (q: string) => void;
  selectedCount: number;
  matched: number;
  onRedriveSelected: () => void;
  onRedriveMatching: () => void;
  onClearSelection: () => void;
}) {
  const [text, setText] = useState("");
  useEffect(() => {
    const timer = window.setTimeout(() => onSearch(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <div className={styles.toolbar} data-testid="letters-toolbar">
      <div className={styles.segmented} role="group" aria-label="Status">
        {statuses.map((s) => (
          <button
            key={s.value}
            type="button"
            aria-pressed={status === s.value}
            onClick={() => onStatus(s.value)}
            data-testid={`status-${s.value}`}
          >
            {s.label}
          </button>
        ))}
      </div>
      <input
        className={styles.search}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Search error, key, trace id…"
        aria-label="Search dead letters"
        data-testid="letters-search"
      />
      <div className={styles.actions}>
        {selectedCount > 0 ? (
          <>
            <span className={styles.muted} data-testid="selected-count">
              {selectedCount.toLocaleString()} selected
            </span>
            <Button variant="ghost" onClick={onClearSelection}>
              Clear
            </Button>
            <Button variant="primary" onClick={onRedriveSelected} data-testid="redrive-selected">
              Re-drive selected…
            </Button>
          </>
        ) : (
          <Button onClick={onRedriveMatching} disabled={matched === 0} data-testid="redrive-matching">
            Re-drive all {status === "redriven" ? "" : "pending "}matching…
          </Button>
        )}
      </div>
    </div>
  );
}
