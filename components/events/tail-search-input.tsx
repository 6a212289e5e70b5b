"use client";

import { useEffect, useState } from "react";
import styles from "@/components/events/tail.module.css";

const DEBOUNCE_MS = 300;

/**
 * Free-text filter, committed 300 ms after the last keystroke (or at once on Enter) so typing does not
 * re-subscribe the tail on every key. Follows `value` when the URL changes from elsewhere (e.g. "Clear").
 */
export function TailSearchInput({ value, onCommit }: { value: string; onCommit: (q: string) => void }) {
  const [text, setText] = useState(value);
  // The last value this input committed or was given; a different `value` means someone else changed it.
  const [known, setKnown] = useState(value);
  if (value !== known) {
    setKnown(value);
    setText(value);
  }

  useEffect(() => {
    const q = text.trim();
    if (q === known) return;
    const timer = window.setTimeout(() => {
      setKnown(q);
      onCommit(q);
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, known, onCommit]);

  return (
    <input
      type="search"
      className={styles.search}
      data-testid="tail-filter-q"
      aria-label="Search events"
      placeholder="Search ids, keys, payloads…"
      value={text}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key !== "Enter") return;
        const q = text.trim();
        setKnown(q);
        onCommit(q);
      }}
    />
  );
}
