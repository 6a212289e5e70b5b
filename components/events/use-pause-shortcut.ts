"use client";

import { useEffect } from "react";

const isTyping = (target: EventTarget | null) => {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable)
  );
};

/** "p" toggles the tail's pause from anywhere on the page, except while typing in a field. */
export function usePauseShortcut(toggle: (() => void) | null): void {
  useEffect(() => {
    if (!toggle) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "p" || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      toggle();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [toggle]);
}
