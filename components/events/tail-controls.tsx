"use client";

import { Button } from "@/components/ui/button";
import { droppedLastSecond, type TailState } from "@/components/events/tail-reducer";
import styles from "@/components/events/tail.module.css";

/** Pause/resume ("p" from anywhere on the page); while paused it counts what is waiting. */
export function TailPauseButton({
  state,
  onPause,
  onResume,
}: {
  state: TailState | undefined;
  onPause: () => void;
  onResume: () => void;
}) {
  const paused = state?.paused ?? false;
  return (
    <Button
      variant={paused ? "primary" : "default"}
      data-testid="tail-pause"
      aria-pressed={paused}
      aria-keyshortcuts="p"
      title={paused ? "Resume the live tail (p)" : "Pause the live tail (p)"}
      disabled={!state}
      onClick={paused ? onResume : onPause}
    >
      {paused ? "Resume" : "Pause"}
      {paused ? (
        <span className={styles.newCount} data-testid="tail-new-count" aria-live="polite">
          {state?.newWhilePaused.toLocaleString("en-US")} new
        </span>
      ) : (
        <kbd className={styles.kbd} aria-hidden>
          P
        </kbd>
      )}
    </Button>
  );
}

/** Counts next to the title: rows held, and what the server's per-client cap sampled away just now. */
export function TailStatus({ state, refusal }: { state: TailState | undefined; refusal: string | null }) {
  if (!state) return null;
  const dropped = droppedLastSecond(state);
  return (
    <span className={styles.status}>
      {/* data-appended: the running count of live events put in the list (benchmarks read it). */}
      <span data-testid="tail-count" data-appended={state.appended}>
        {state.rows.length.toLocaleString("en-US")} events
      </span>
      {state.paused ? <span className={styles.pausedBadge}>paused</span> : null}
      {state.held && !state.paused ? (
        <span
          className={styles.pausedBadge}
          data-testid="tail-held"
          title="The list holds still while the pointer is on it, so rows stay put for a click."
        >
          holding still
          {state.newWhilePaused > 0 ? ` · ${state.newWhilePaused.toLocaleString("en-US")} new` : ""}
        </span>
      ) : null}
      {dropped > 0 ? (
        <span
          className={styles.sampled}
          data-testid="tail-sampled"
          title="The server caps how many events per second it sends this page; the rest were left out of the tail."
        >
          sampled: {dropped.toLocaleString("en-US")} dropped in the last second
        </span>
      ) : null}
      {refusal ? (
        <span className={styles.refusal} role="alert" data-testid="tail-refused">
          live updates unavailable: {refusal}
        </span>
      ) : null}
    </span>
  );
}
