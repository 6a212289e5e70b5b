import { createCommitWindow, recordCommit, type CommitWindowOptions } from "./commit-window";
import { appendEndOffset, createEndOffsetTable } from "./end-offset-table";
import type { CommitWindow, EndOffsetTable } from "./types";

/** `[endOffset, observedAt]`, as the poller would read them. */
export type PointSpec = readonly [offset: bigint, observedAt: number];

/** `[committedOffset, lag, observedAt]`: one poll of a group's committed offset. */
export type CommitSpec = readonly [committedOffset: bigint, lag: bigint, observedAt: number];

/** A table fed point by point through the real append rules. */
export function tableOf(points: readonly PointSpec[], capacity?: number): EndOffsetTable {
  return points.reduce(
    (table, [offset, observedAt]) => appendEndOffset(table, { offset, observedAt }),
    createEndOffsetTable(capacity),
  );
}

/** A commit window fed poll by poll through the real recording rules. */
export function windowOf(polls: readonly CommitSpec[], options?: CommitWindowOptions): CommitWindow {
  return polls.reduce(
    (window, [committedOffset, lag, observedAt]) =>
      recordCommit(window, { committedOffset, lag, observedAt }),
    createCommitWindow(options),
  );
}

/** The (offset, time) pairs of a table, for compact assertions. */
export function pointsOf(table: EndOffsetTable): Array<[bigint, number]> {
  return table.points.map((point) => [point.offset, point.observedAt]);
}
