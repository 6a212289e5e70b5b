/**
 * Headers for a re-driven message: the dead letter's own headers minus every family's error, origin and
 * retry-bookkeeping headers, plus where it came from and who sent it back. Business headers (traceparent,
 * correlation-id, ce_*, …) stay, in their order, so the trace continues.
 * Stripping matters twice: the consumer must not see a stale failure, and Eventscope itself would
 * otherwise recognise the original topic as a DLQ by its records' headers.
 */
import type { RawHeader } from "@/lib/model/raw-record";
import { isDeadLetterHeaderKey } from "./header-families";
import { ledgerKey } from "./letter-id";

export const REDRIVEN_FROM = "x-redriven-from";
export const REDRIVE_COUNT = "x-redrive-count";
export const REDRIVEN_AT = "x-redriven-at";
export const REDRIVEN_BY = "x-redriven-by";

export interface RedriveHeaderInput {
  dlqTopic: string;
  partition: number;
  /** int64 as a decimal string. */
  offset: string;
  /** ISO 8601 time of the re-drive; passed in so this stays pure. */
  redrivenAt: string;
  /** The user who asked for the re-drive. */
  redrivenBy: string;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** Our own bookkeeping from an earlier re-drive: replaced, not repeated. */
function isRedriveHeader(lowerKey: string): boolean {
  return lowerKey.startsWith("x-redriven-") || lowerKey === REDRIVE_COUNT;
}

/** The highest earlier count (repeats can only come from other tools); none readable counts as 0. */
export function previousRedriveCount(headers: readonly RawHeader[]): number {
  let count = 0;
  for (const h of headers) {
    if (h.key.toLowerCase() !== REDRIVE_COUNT || h.value === null) continue;
    const text = fromUtf8.decode(h.value).trim();
    if (/^\d{1,9}$/.test(text)) count = Math.max(count, Number(text));
  }
  return count;
}

export function buildRedriveHeaders(headers: readonly RawHeader[], input: RedriveHeaderInput): RawHeader[] {
  const kept = headers.filter((h) => {
    const key = h.key.toLowerCase();
    return !isDeadLetterHeaderKey(key) && !isRedriveHeader(key);
  });
  const add = (key: string, value: string): RawHeader => ({ key, value: utf8.encode(value) });
  return [
    ...kept,
    add(REDRIVEN_FROM, ledgerKey(input.dlqTopic, input.partition, input.offset)),
    add(REDRIVE_COUNT, String(previousRedriveCount(headers) + 1)),
    add(REDRIVEN_AT, input.redrivenAt),
    add(REDRIVEN_BY, input.redrivenBy),
  ];
}
