"use client";

import { type MouseEvent, useEffect, useState } from "react";
import styles from "@/components/ui/copy-button.module.css";

type CopyState = "idle" | "copied" | "failed";

const CopyIcon = () => (
  <svg
    width="14"
    height="14"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    aria-hidden
  >
    <rect x="9" y="9" width="12" height="12" rx="2" />
    <path d="M5 15V5a2 2 0 0 1 2-2h10" />
  </svg>
);

const CheckIcon = () => (
  <svg
    width="14"
    height="14"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2.4"
    aria-hidden
  >
    <path d="m5 12 5 5 9-10" />
  </svg>
);

/**
 * Copies `value` to the clipboard and says so for a moment. Clicks do not bubble, so it can sit inside a
 * clickable table row without opening it.
 */
export function CopyButton({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = window.setTimeout(() => setState("idle"), 1_500);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = (e: MouseEvent) => {
    e.stopPropagation();
    // Undefined outside secure contexts, whatever the DOM typings say.
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) return setState("failed");
    clipboard.writeText(value).then(
      () => setState("copied"),
      () => setState("failed"),
    );
  };

  const title = state === "copied" ? "Copied" : state === "failed" ? "Could not copy" : label;
  return (
    <button
      type="button"
      className={styles.copy}
      data-state={state}
      onClick={copy}
      onKeyDown={(e) => e.stopPropagation()}
      aria-label={label}
      title={title}
      data-testid={testId}
    >
      {state === "copied" ? <CheckIcon /> : <CopyIcon />}
      <span className="visually-hidden" aria-live="polite">
        {state === "copied" ? "Copied" : state === "failed" ? "Could not copy" : ""}
      </span>
    </button>
  );
}
