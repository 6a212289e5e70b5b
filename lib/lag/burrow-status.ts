import { consecutivePairs } from "./pairs";
import type { CommitSample, CommitWindow, GroupStatus, GroupStatusSummary, PartitionStatus } from "./types";

/**
 * Burrow's verdict on one partition, from its commit window and the current end offset. Unknown (null)
 * before the first commit or without an end offset: there is nothing to judge, and "OK" would be a claim.
 *
 * OK when the current lag is within the allowed lag. Otherwise the first rule that holds, in this order
 * (Burrow itself checks REWIND before STOP; we put STOP first because it describes the consumer now,
 * while a rewind is a past event in the window):
 * 1. STOP: the consumer has been silent longer than its window took. Silence runs from the later of the
 *    newest commit and the last time the partition was seen caught up — "unless caught up recently": a
 *    caught-up consumer on an idle topic owes no commits, so a record produced a moment ago does not make a
 *    consumer that last committed hours ago look stopped, while one that has been behind for longer than
 *    its window span without moving does. Needs two commits: one commit has no span to compare with —
 *    unless the window sets `minSpanMs`, the floor of the span (see `CommitWindow.minSpanMs`).
 * 2. REWIND: a commit is lower than the one before it (offsets reset backwards, or a consumer reprocessing).
 *    Shown even if the partition was caught up earlier in the window: reprocessing is worth knowing.
 * 3. STALL: never caught up in the window and the committed offset never moved across at least two
 *    observations (two equal commits, or one commit read again on a later poll). Under admin polling a
 *    consumer that moved before and then sticks to one offset is STOP, not STALL: a poll cannot tell a
 *    re-commit of the same offset from silence (see `CommitWindow.repeatedOffsetIsCommit`).
 * 4. WARN: never caught up in the window and the lag never went down from one commit to the next.
 * Burrow short-circuits every rule when any commit in the window had zero lag. We keep that exemption for
 * STALL and WARN (a busy consumer that commits at lag 0 and is polled between a produce and its next commit
 * must not flap to WARN) but not for STOP and REWIND, for the reasons above. Burrow also calls one commit
 * "lag never decreased"; we need a pair of commits before judging a trend.
 */
export function partitionStatus(
  window: CommitWindow,
  endOffset: bigint | null,
  now: number,
): PartitionStatus | null {
  const { commits, allowedLag } = window;
  const oldest = commits[0];
  const newest = commits.at(-1);
  if (oldest === undefined || newest === undefined || endOffset === null) return null;

  const currentLag = endOffset > newest.committedOffset ? endOffset - newest.committedOffset : 0n;
  if (currentLag <= allowedLag) return "OK";
  if (hasStopped(window, oldest, newest, now)) return "STOP";
  if (wentBackwards(commits)) return "REWIND";
  if (caughtUpInWindow(window, oldest)) return "OK";
  if (neverMoved(window, newest)) return "STALL";
  if (commits.length >= 2 && lagNeverDecreased(commits)) return "WARN";
  return "OK";
}

function hasStopped(window: CommitWindow, oldest: CommitSample, newest: CommitSample, now: number): boolean {
  if (window.commits.length < 2 && window.minSpanMs === 0) return false;
  const span = Math.max(window.minSpanMs, newest.observedAt - oldest.observedAt);
  const silentSince = Math.max(newest.observedAt, window.lastCaughtUpAt ?? Number.NEGATIVE_INFINITY);
  return now - silentSince > span;
}

function wentBackwards(commits: readonly CommitSample[]): boolean {
  return consecutivePairs(commits).some(([before, after]) => after.committedOffset < before.committedOffset);
}

/** Caught up at a commit in the window, or at any later poll since the window's oldest commit. */
function caughtUpInWindow(window: CommitWindow, oldest: CommitSample): boolean {
  if (window.commits.some((commit) => commit.lag <= window.allowedLag)) return true;
  return window.lastCaughtUpAt !== null && window.lastCaughtUpAt >= oldest.observedAt;
}

function neverMoved(window: CommitWindow, newest: CommitSample): boolean {
  const { commits } = window;
  if (!commits.every((commit) => commit.committedOffset === newest.committedOffset)) return false;
  const readAgainLater = (window.lastObservedAt ?? newest.observedAt) > newest.observedAt;
  return commits.length >= 2 || readAgainLater;
}

function lagNeverDecreased(commits: readonly CommitSample[]): boolean {
  return consecutivePairs(commits).every(([before, after]) => after.lag >= before.lag);
}

const GROUP_STATUS: Record<PartitionStatus, GroupStatus> = {
  OK: "OK",
  WARN: "WARN",
  STOP: "ERR",
  STALL: "ERR",
  REWIND: "ERR",
};
const GROUP_SEVERITY: Record<GroupStatus, number> = { OK: 0, WARN: 1, ERR: 2 };

/** A group is as healthy as its worst partition; partitions without a verdict are counted, not judged. */
export function groupStatus(statuses: Iterable<PartitionStatus | null>): GroupStatusSummary {
  const partitions: Record<PartitionStatus, number> = { OK: 0, WARN: 0, STOP: 0, STALL: 0, REWIND: 0 };
  let unknownPartitions = 0;
  let status: GroupStatus | null = null;
  for (const partition of statuses) {
    if (partition === null) {
      unknownPartitions += 1;
      continue;
    }
    partitions[partition] += 1;
    const shown = GROUP_STATUS[partition];
    if (status === null || GROUP_SEVERITY[shown] > GROUP_SEVERITY[status]) status = shown;
  }
  return { status, partitions, unknownPartitions };
}
