import type { LagTotal } from "./types";

/** An offset as it arrives: kafkajs gives decimal strings, our own code passes bigints. */
export type OffsetInput = bigint | string | null | undefined;

const INT64_MAX = 2n ** 63n - 1n;
const DECIMAL = /^-?\d+$/;

/**
 * Reads an offset at the boundary. Returns null for anything that is not a real offset: missing values,
 * text that is not a decimal integer, values outside int64, and negative values — Kafka uses those as
 * sentinels (a committed offset of -1 means "this group never committed here"; -1/-2 in ListOffsets are
 * the "latest"/"earliest" requests), so treating one as a number would invent a lag.
 */
export function parseOffset(value: OffsetInput): bigint | null {
  if (value === null || value === undefined) return null;
  let offset: bigint;
  if (typeof value === "bigint") {
    offset = value;
  } else {
    const text = value.trim();
    if (!DECIMAL.test(text)) return null;
    offset = BigInt(text);
  }
  return offset >= 0n && offset <= INT64_MAX ? offset : null;
}

/**
 * Offset lag of one partition: how many records the group still has to read, `max(0, end − committed)`.
 * Unknown (null) when the group has no committed offset there: reporting 0 would hide a group that never
 * read the partition, and reporting the whole log would invent a backlog the group may never be asked to
 * read (a new group with `auto.offset.reset=latest` starts at the end). A committed offset above the end
 * offset happens when the end offset was read a moment earlier, or when the end offset is the last stable
 * offset (kafkajs) and the consumer reads uncommitted data: the group is not behind, so 0.
 */
export function offsetLag(endOffset: OffsetInput, committedOffset: OffsetInput): bigint | null {
  const end = parseOffset(endOffset);
  const committed = parseOffset(committedOffset);
  if (end === null || committed === null) return null;
  return end > committed ? end - committed : 0n;
}

/** Adds up partition lags (of a topic, or of a whole group), counting the unknown ones apart. */
export function sumLag(lags: Iterable<bigint | null>): LagTotal {
  let lag = 0n;
  let knownPartitions = 0;
  let unknownPartitions = 0;
  for (const partitionLag of lags) {
    if (partitionLag === null) {
      unknownPartitions += 1;
    } else {
      lag += partitionLag;
      knownPartitions += 1;
    }
  }
  return { lag, knownPartitions, unknownPartitions };
}

/** Combines topic totals into a group total without losing the count of unknown partitions. */
export function mergeLagTotals(totals: Iterable<LagTotal>): LagTotal {
  let lag = 0n;
  let knownPartitions = 0;
  let unknownPartitions = 0;
  for (const total of totals) {
    lag += total.lag;
    knownPartitions += total.knownPartitions;
    unknownPartitions += total.unknownPartitions;
  }
  return { lag, knownPartitions, unknownPartitions };
}
