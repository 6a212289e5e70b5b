/** StoredLetter → the API's shapes (lib/api/dlq.ts). */
import type {
  DeadLetterDetail,
  DeadLettersResponse,
  DeadLetterSummary,
  DlqState,
  DlqTopicSummary,
  LetterStatusFilter,
  RedriveMark,
} from "@/lib/api/dlq";
import { decodeRecord } from "@/lib/decode";
import { groupByErrorType, matchesRedriveFilter } from "@/lib/dlq";
import {
  compareNewestFirst,
  type LetterStore,
  type StoredLetter,
  toRawRecord,
} from "@/server/dlq/letter-store";
import type { LedgerView } from "@/server/dlq/ledger";
import type { LedgerValue } from "@/server/dlq/records";
import type { DlqTopicInfo } from "@/server/dlq/topic-catalog";

const STACK_IN_LIST = 8 * 1024;

export function mark(value: LedgerValue | undefined): RedriveMark | null {
  if (!value) return null;
  const { taskId, by, at, target, count } = value;
  return { taskId, by, at, target, count };
}

export function summary(l: StoredLetter, ledger: LedgerView, full = false): DeadLetterSummary {
  const stack = l.dead.error.stacktrace;
  return {
    id: l.id,
    partition: l.partition,
    offset: l.offset,
    timestamp: l.timestamp,
    origin: l.dead.origin,
    error: {
      ...l.dead.error,
      stacktrace:
        stack && !full && stack.length > STACK_IN_LIST ? `${stack.slice(0, STACK_IN_LIST)}\n…` : stack,
    },
    attempts: l.dead.attempts,
    firstFailureAt: l.dead.firstFailureAt,
    traceId: l.traceId,
    key: l.keyPreview,
    families: l.dead.families,
    warnings: l.dead.warnings,
    redriven: mark(ledger.get(l.id)),
  };
}

export function detail(l: StoredLetter, ledger: LedgerView): DeadLetterDetail {
  const event = decodeRecord(toRawRecord(l));
  return {
    ...summary(l, ledger, true),
    dlqTopic: l.topic,
    headers: event.headers,
    keyPayload: event.key,
    value: event.value,
    size: event.size,
  };
}

export interface LetterQuery {
  status: LetterStatusFilter;
  /** Exact error type; "" selects letters without one. */
  errorType?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

function encodeCursor(l: StoredLetter): string {
  return `${l.timestamp}:${l.partition}:${l.offset}`;
}

function afterCursor(cursor: string): ((l: StoredLetter) => boolean) | null {
  const m = /^(\d+):(\d+):(\d+)$/.exec(cursor);
  if (!m) return null;
  const ref = { timestamp: Number(m[1]), partition: Number(m[2]), offset: m[3] ?? "0" } as StoredLetter;
  return (l) => compareNewestFirst(l, ref) > 0;
}

export function listLetters(
  store: LetterStore,
  ledger: LedgerView,
  query: LetterQuery,
  state: DlqState,
): DeadLettersResponse {
  const all = store.all();
  const matching = all.filter((l) => {
    const redriven = ledger.has(l.id);
    if (query.status === "pending" && redriven) return false;
    if (query.status === "redriven" && !redriven) return false;
    if (query.errorType !== undefined) {
      if (query.errorType === "" ? l.dead.error.type !== null : l.dead.error.type !== query.errorType)
        return false;
    }
    if (query.q === undefined) return true;
    return matchesRedriveFilter(
      { ...l.dead, searchText: [l.keyPreview, l.traceId].join(" ") },
      { text: query.q },
    );
  });
  const after = query.cursor ? afterCursor(query.cursor) : null;
  const start = after ? matching.findIndex(after) : 0;
  const page = start < 0 ? [] : matching.slice(start, start + query.limit);
  const last = page.at(-1);
  const more = start >= 0 && start + query.limit < matching.length;
  return {
    topic: store.topic,
    state,
    total: all.length,
    matched: matching.length,
    groups: groupByErrorType(
      all.map((l) => ({ error: l.dead.error, redriven: ledger.has(l.id) ? true : null })),
    ),
    letters: page.map((l) => summary(l, ledger)),
    nextCursor: more && last ? encodeCursor(last) : null,
  };
}

/** One DLQ topic's row of `GET /api/dlq`: counts from its letters and the ledger, its most common origins. */
export function topicSummary(
  store: LetterStore,
  loaded: boolean,
  info: DlqTopicInfo | undefined,
  ledger: LedgerView,
  activeTaskId: string | null,
): DlqTopicSummary {
  const letters = store.all();
  const redriven = letters.filter((l) => ledger.has(l.id)).length;
  const origins = new Map<string, number>();
  for (const l of letters) {
    const o = l.dead.origin.topic;
    if (o) origins.set(o, (origins.get(o) ?? 0) + 1);
  }
  return {
    topic: store.topic,
    recognisedBy: info?.recognisedBy ?? "name",
    partitions: info?.partitions ?? 0,
    total: letters.length,
    pending: letters.length - redriven,
    redriven,
    origins: [...origins].sort((a, b) => b[1] - a[1]).map(([t]) => t),
    newestAt: letters[0]?.timestamp ?? null,
    windowed: store.windowed,
    loaded,
    activeTaskId,
  };
}
