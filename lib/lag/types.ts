/**
 * Shapes shared by the consumer-lag math (offset lag, kafka-lag-exporter's time lag, Burrow's status).
 *
 * Offsets are `bigint`. Kafka offsets are int64 and kafkajs hands them out as decimal strings; a JS number
 * is exact only up to 2^53, and above that adjacent offsets round to the same value. The rules here depend
 * on exact equality and order of offsets (caught up when committed == end, flat runs when two end offsets
 * are equal, REWIND when a commit is one lower than the last), so a rounded offset would silently break
 * them. Only *differences* between offsets are turned into numbers, and only where we divide (time-lag
 * interpolation, rates): a difference is a count of messages between two observations and the result is
 * a fraction anyway. bigint does not survive JSON, so whoever sends these over the wire writes decimal
 * strings (as `EventSummary.offset` does) and reads them back with `parseOffset`.
 *
 * Times are ms since epoch (numbers). `null` always means "unknown", never zero.
 */

/** One observation of a partition's log end offset (the offset the next produced record will get). */
export interface EndOffsetPoint {
  readonly offset: bigint;
  /** When the poller read this end offset, ms since epoch. */
  readonly observedAt: number;
}

/**
 * kafka-lag-exporter's per-partition lookup table: end offsets over time, oldest first, both offset and
 * time non-decreasing, flat runs kept as their first and latest point. Immutable: every update returns a
 * new table, so a snapshot can be handed to the UI or a socket without copying or locking.
 */
export interface EndOffsetTable {
  /** Most points kept; the oldest point is dropped to make room. */
  readonly capacity: number;
  readonly points: readonly EndOffsetPoint[];
}

/** A sum of offset lag over several partitions, honest about the partitions it could not count. */
export interface LagTotal {
  /** Sum over the partitions whose lag is known. */
  readonly lag: bigint;
  readonly knownPartitions: number;
  /** Partitions without a committed offset (or without an end offset): not counted in `lag`. */
  readonly unknownPartitions: number;
}

/** How far behind in time a consumer is: the estimated age of the next record it has to read. */
export interface TimeLag {
  readonly ms: number;
  /** True when the committed offset lies below the table and its write time was extrapolated. */
  readonly extrapolated: boolean;
}

/** What the poller saw of a partition's committed offset at one moment. */
export interface CommitSample {
  readonly committedOffset: bigint;
  /** Offset lag at `observedAt` (end offset − committed offset, at least 0). */
  readonly lag: bigint;
  readonly observedAt: number;
}

/**
 * Burrow's evaluation window for one partition: the last `size` distinct commits, oldest first, plus what
 * later observations of the newest commit taught us. Immutable like the end-offset table.
 */
export interface CommitWindow {
  readonly size: number;
  /** Lag at or below this counts as caught up (Burrow's allowed lag; default 0). */
  readonly allowedLag: bigint;
  /**
   * Whether seeing the same committed offset again counts as a new commit. False for admin polling:
   * Kafka's OffsetFetch carries no commit time, so re-reading an unchanged offset is no evidence that the
   * consumer committed. True for a source that sees real commit events (as Burrow does by reading
   * `__consumer_offsets`), which lets STALL tell "alive but stuck" from STOP.
   */
  readonly repeatedOffsetIsCommit: boolean;
  /**
   * The shortest silence that counts as STOP, whatever the window's span (0: the span alone decides, and
   * STOP needs two commits). A poller sees a commit at most once per poll, so a young window can span one
   * poll interval; judging silence against that flaps a consumer that commits in bursts, and a partition
   * seen with one commit could never be called stopped. A poller sets this to a few poll intervals.
   */
  readonly minSpanMs: number;
  /** Oldest first, strictly increasing `observedAt`. */
  readonly commits: readonly CommitSample[];
  /** Time of the latest accepted observation (a new commit or a re-read of the newest one). */
  readonly lastObservedAt: number | null;
  /** Time of the latest accepted observation whose lag was ≤ `allowedLag`. */
  readonly lastCaughtUpAt: number | null;
}

/** Burrow's per-partition verdicts. */
export type PartitionStatus = "OK" | "WARN" | "STOP" | "STALL" | "REWIND";

/** What a group shows: Burrow folds STOP, STALL and REWIND into ERR at group level. */
export type GroupStatus = "OK" | "WARN" | "ERR";

export interface GroupStatusSummary {
  /** Worst known partition's status; null when no partition could be evaluated. */
  readonly status: GroupStatus | null;
  /** How many partitions had each status, so the UI can say "3 partitions STOP". */
  readonly partitions: Readonly<Record<PartitionStatus, number>>;
  readonly unknownPartitions: number;
}

/** Seconds until the lag is consumed; "never" when the consumer is falling behind; null when unknown. */
export type DrainTime = number | "never" | null;

export interface DrainEstimate {
  /** Messages per second the consumer committed past, or null without enough history. */
  readonly consumeRate: number | null;
  /** Messages per second written to the partition, or null without enough history. */
  readonly produceRate: number | null;
  readonly timeToDrain: DrainTime;
}
