/**
 * Decodes a dead letter's origin and error from its headers (every family in header-families.ts), falling
 * back to the DLQ topic's name for the origin. Never throws: what cannot be read becomes a warning.
 */
import type { RawHeader } from "@/lib/model/raw-record";
import { decodeFamily, type FamilyReading } from "./decode-family";
import { FAMILIES, IDENTIFYING_HEADERS } from "./header-families";
import { indexHeaders } from "./header-index";
import { ledgerKey } from "./letter-id";
import { originFromDlqName } from "./origin-from-name";
import { retryTopicBase } from "./topic-patterns";
import type {
  DeadLetterError,
  DeadLetterOrigin,
  DeadLetterRecord,
  DecodeDeadLetterOptions,
  DecodedDeadLetter,
} from "./types";

// A fresh object per letter: callers may annotate what they are given.
const noError = (): DeadLetterError => ({
  type: null,
  causeType: null,
  message: null,
  stacktrace: null,
  keyFailure: false,
  details: {},
});

/** ms since epoch from kafkajs' decimal string (or a number); null for anything else. */
function recordTime(value: unknown): number | null {
  const ms = typeof value === "string" && /^\d{1,16}$/.test(value) ? Number(value) : value;
  return typeof ms === "number" && Number.isSafeInteger(ms) && ms >= 0 ? ms : null;
}

/** True when a record carries an origin-topic or error header of any family: its topic is a DLQ. */
export function hasDeadLetterHeaders(headers: readonly RawHeader[]): boolean {
  return [...indexHeaders(headers).keys()].some((k) => IDENTIFYING_HEADERS.has(k));
}

export function decodeDeadLetter(
  record: DeadLetterRecord,
  options: DecodeDeadLetterOptions = {},
): DecodedDeadLetter {
  const index = indexHeaders(record.headers);
  // Each re-dead-lettering appends its headers, so the family whose headers come first is the oldest hop.
  const readings = FAMILIES.map((spec) => decodeFamily(index, spec))
    .filter((r): r is FamilyReading => r !== null)
    .sort((a, b) => a.firstPos - b.firstPos);
  const warnings = readings.flatMap((r) => r.warnings);

  const withOrigin = readings.filter((r) => r.origin !== null);
  const topics = new Set(withOrigin.map((r) => r.origin?.topic));
  if (topics.size > 1) {
    warnings.push(
      `headers name several origin topics (${withOrigin.map((r) => `${r.family}: ${r.origin?.topic}`).join(", ")}); the oldest hop's is used`,
    );
  }
  const latestError = readings
    .filter((r) => r.error !== null)
    .reduce<FamilyReading | null>(
      (best, r) => (best === null || r.errorPos > best.errorPos ? r : best),
      null,
    );

  const timestamp = recordTime(record.timestamp);
  if (timestamp === null) warnings.push(`record timestamp "${String(record.timestamp)}" is not a time`);

  return {
    id: ledgerKey(record.topic, record.partition, record.offset),
    timestamp,
    origin: pickOrigin(withOrigin[0], String(record.topic), options.patterns),
    error: latestError?.error ?? noError(),
    attempts: latestError?.attempts ?? readings.find((r) => r.attempts !== null)?.attempts ?? null,
    firstFailureAt: readings.find((r) => r.firstFailureAt !== null)?.firstFailureAt ?? null,
    families: readings.map((r) => r.family),
    warnings,
  };
}

function pickOrigin(
  reading: FamilyReading | undefined,
  dlqTopic: string,
  patterns: readonly string[] | undefined,
): DeadLetterOrigin {
  if (reading?.origin) return { ...reading.origin, source: "header", family: reading.family };
  const empty = { partition: null, offset: null, timestamp: null, timestampType: null, family: null };
  const derived = originFromDlqName(dlqTopic, patterns);
  if (derived) {
    const { topic, consumerGroup } = derived;
    return { ...empty, topic, consumerGroup, source: "derived-from-name" };
  }
  // A record read from a retry topic belongs to that topic's main topic.
  const base = retryTopicBase(dlqTopic);
  if (base) return { ...empty, topic: base, consumerGroup: null, source: "derived-from-name" };
  return { ...empty, topic: null, consumerGroup: null, source: "unknown" };
}
