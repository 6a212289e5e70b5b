/** The store's window in words, for "not found" answers: a 404 should say what the store could have known. */
import type { IndexWindow } from "@/lib/api/events";

export function describeWindow(w: IndexWindow): string {
  if (w.from === null || w.to === null) return "the store is empty: no events have been read yet";
  const evicted = w.evicted ? "; older events left by retention" : "";
  return `the store covers ${new Date(w.from).toISOString()} to ${new Date(w.to).toISOString()} (${w.events} events${evicted})`;
}
