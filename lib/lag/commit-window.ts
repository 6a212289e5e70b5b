import type { CommitSample, CommitWindow } from "./types";

/** Burrow evaluates the last 10 commits per partition by default. */
export const DEFAULT_COMMIT_WINDOW_SIZE = 10;

export interface CommitWindowOptions {
  /** How many distinct commits to keep; at least 2, since every rule compares commits. */
  size?: number;
  /** Lag at or below this counts as caught up. */
  allowedLag?: bigint;
  /** See `CommitWindow.repeatedOffsetIsCommit`; false (admin polling) by default. */
  repeatedOffsetIsCommit?: boolean;
  /** See `CommitWindow.minSpanMs`; 0 by default. */
  minSpanMs?: number;
}

/** An empty window; the status rules read their allowed lag from it so recording and judging agree. */
export function createCommitWindow(options: CommitWindowOptions = {}): CommitWindow {
  const size = options.size ?? DEFAULT_COMMIT_WINDOW_SIZE;
  const allowedLag = options.allowedLag ?? 0n;
  if (!Number.isInteger(size) || size < 2) {
    throw new RangeError(`commit window size must be an integer ≥ 2, got ${size}`);
  }
  if (allowedLag < 0n) throw new RangeError(`allowed lag must be ≥ 0, got ${allowedLag}`);
  const minSpanMs = options.minSpanMs ?? 0;
  if (!(minSpanMs >= 0)) throw new RangeError(`minimum span must be ≥ 0 ms, got ${minSpanMs}`);
  return {
    size,
    allowedLag,
    repeatedOffsetIsCommit: options.repeatedOffsetIsCommit ?? false,
    minSpanMs,
    commits: [],
    lastObservedAt: null,
    lastCaughtUpAt: null,
  };
}

/**
 * Feeds one observation of the committed offset (the poller calls this on every poll) and returns the new
 * window, or the same window when the observation is dropped.
 *
 * - Dropped: an observation not later than the last one (a slow poll answering late, or the same poll
 *   twice), negative offsets or lags, and non-finite times.
 * - A new commit enters the ring when the committed offset differs from the newest commit's (going back
 *   counts: that is what REWIND looks for), or on every later observation when `repeatedOffsetIsCommit`.
 *   The oldest commit leaves when the ring is full.
 * - A re-read of the newest commit's offset does not enter the ring, so the newest commit keeps the time it
 *   was first seen: "time since the last commit" then means "time since the committed offset last moved".
 *   It still updates `lastObservedAt` (the offset was unchanged as of then, which the consume rate needs)
 *   and, when its lag is within the allowed lag, `lastCaughtUpAt` (an idle, caught-up consumer owes no
 *   commits, which the STOP rule needs).
 */
export function recordCommit(window: CommitWindow, sample: CommitSample): CommitWindow {
  if (sample.committedOffset < 0n || sample.lag < 0n || !Number.isFinite(sample.observedAt)) return window;
  if (window.lastObservedAt !== null && sample.observedAt <= window.lastObservedAt) return window;

  const newest = window.commits.at(-1);
  const isNewCommit =
    newest === undefined ||
    window.repeatedOffsetIsCommit ||
    newest.committedOffset !== sample.committedOffset;
  const commits = isNewCommit ? [...window.commits, sample].slice(-window.size) : window.commits;
  const caughtUp = sample.lag <= window.allowedLag;
  return {
    ...window,
    commits,
    lastObservedAt: sample.observedAt,
    lastCaughtUpAt: caughtUp ? sample.observedAt : window.lastCaughtUpAt,
  };
}
