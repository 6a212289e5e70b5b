/**
 * Consumer-lag math: offset lag, kafka-lag-exporter's time lag, LinkedIn Burrow's status rules and time
 * to drain. Pure and deterministic: no I/O, no clock (every function that needs the time takes `now` in
 * ms), offsets as bigint (see ./types). The lag poller keeps, per partition, an `EndOffsetTable` and a
 * `CommitWindow` and feeds both on every poll; the UI can run the same functions on snapshots.
 */
export type {
  CommitSample,
  CommitWindow,
  DrainEstimate,
  DrainTime,
  EndOffsetPoint,
  EndOffsetTable,
  GroupStatus,
  GroupStatusSummary,
  LagTotal,
  PartitionStatus,
  TimeLag,
} from "./types";
export type { OffsetInput } from "./offset-lag";
export type { CommitWindowOptions } from "./commit-window";

export { mergeLagTotals, offsetLag, parseOffset, sumLag } from "./offset-lag";
export {
  appendEndOffset,
  createEndOffsetTable,
  DEFAULT_END_OFFSET_TABLE_CAPACITY,
  newestEndOffset,
} from "./end-offset-table";
export { timeLag } from "./time-lag";
export { createCommitWindow, DEFAULT_COMMIT_WINDOW_SIZE, recordCommit } from "./commit-window";
export { groupStatus, partitionStatus } from "./burrow-status";
export { consumeRate, DEFAULT_RATE_WINDOW_MS, estimateDrain, produceRate, timeToDrain } from "./drain";
