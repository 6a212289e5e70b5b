/**
 * Decodes the headers of one family (header-families.ts) on one record. Origin facts come from the first
 * occurrence of each header (Spring Kafka repeats the `original` headers each time a letter is
 * dead-lettered again, so the first is the real origin); error facts and attempts from the last (the
 * latest failure), so a letter dead-lettered twice shows where it began and why it failed last.
 */
import { decodeFamilyError } from "./decode-family-error";
import { familyReader, type FamilyReader } from "./family-reader";
import { ownsHeader, type FamilySpec } from "./header-families";
import type { HeaderIndex } from "./header-index";
import { isTopicName } from "@/lib/model/topic-name";
import type { DeadLetterError, DeadLetterFamily, DeadLetterOrigin } from "./types";

export type HeaderOrigin = Omit<DeadLetterOrigin, "source" | "family">;

export interface FamilyReading {
  family: DeadLetterFamily;
  /** Position of the family's first header on the record: earlier means an older hop. */
  firstPos: number;
  /** Null when no usable origin topic header is present. */
  origin: HeaderOrigin | null;
  /** Null when the family carries no error header. */
  error: DeadLetterError | null;
  /** Position of the family's last error header: later means a more recent failure. */
  errorPos: number;
  attempts: number | null;
  firstFailureAt: number | null;
  warnings: string[];
}

const INT32_MAX = 2147483647n;
const INT64_MAX = 9223372036854775807n;

/** Null when the record carries none of the family's headers. */
export function decodeFamily(index: HeaderIndex, spec: FamilySpec): FamilyReading | null {
  // Presence is decided by the headers the family owns: Spring's retry chain reads the consumer group
  // from a `kafka_dlt-` header, which alone must not make a DLT record look like a retry record.
  const positions = [...index]
    .filter(([key]) => ownsHeader(spec, key))
    .flatMap(([, occurrences]) => occurrences.map((o) => o.pos));
  if (positions.length === 0) return null;
  const warnings: string[] = [];
  const r = familyReader(index, spec, warnings);
  const { error, errorPos } = decodeFamilyError(r, spec);
  const attempts = r.int(spec.attempts, "last", 4, INT32_MAX);
  return {
    family: spec.family,
    firstPos: Math.min(...positions),
    origin: decodeOrigin(r, spec),
    error,
    errorPos,
    attempts: attempts === null ? null : Number(attempts),
    firstFailureAt: r.instant(spec.firstFailureAt, "first"),
    warnings,
  };
}

function decodeOrigin(r: FamilyReader, spec: FamilySpec): HeaderOrigin | null {
  const o = spec.origin;
  const topic = r.name(o.topic, "first");
  if (topic === null) {
    if (r.has(o.partition) || r.has(o.offset)) {
      r.warn(`${spec.family} headers give a partition or offset but no origin topic; ignored`);
    }
    return null;
  }
  if (!isTopicName(topic)) {
    r.warn(`${o.topic} "${topic.slice(0, 80)}" is not a legal topic name; ignored`);
    return null;
  }
  const partition = r.int(o.partition, "first", 4, INT32_MAX);
  const offset = r.int(o.offset, "first", 8, INT64_MAX);
  return {
    topic,
    partition: partition === null ? null : Number(partition),
    offset: offset === null ? null : offset.toString(),
    timestamp: r.instant(o.timestamp, "first"),
    timestampType: r.name(o.timestampType, "first"),
    consumerGroup: r.name(o.consumerGroup, "first"),
  };
}
