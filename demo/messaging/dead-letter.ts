/**
 * Headers of retry copies and dead letters. Both keep the original value, key and business headers
 * (correlation-id, causation-id, ce_*) so the trace continues and a re-drive is the original message
 * again; each copy is a new hop, so it gets a new span id in the same trace.
 *
 * Retry copies record their bookkeeping under `x-retry-*`, never under the dead-letter names
 * (`x-original-*`, `x-error-*`, `x-attempts`, `x-first-failure-at`): a record carrying those is a dead
 * letter to Eventscope (its plain dead-letter header family), and a retry topic is not a DLQ. A dead
 * letter drops the `x-retry-*` headers, so re-driving it (which strips the dead-letter headers) starts a
 * fresh attempt 1.
 */
import type { IHeaders } from "kafkajs";
import type { ConsumedMessage } from "./consumer";
import { hopTraceparent } from "./envelope";
import { headerText, withoutHeaders } from "./headers";

const RETRY_PREFIX = "x-retry-";
const DEAD_LETTER_PREFIXES = ["x-original-", "x-error-"];
const DEAD_LETTER_NAMES = ["x-attempts", "x-first-failure-at"];

/** What a failed attempt reports. */
export interface Failure {
  errorType: string;
  errorMessage: string;
  at: Date;
  /** The consumer group that gave up: says which service dead-lettered the message. */
  consumerGroup: string;
}

/** Where a message first failed and how many attempts it has had, carried along the retry topics. */
export interface RetryState {
  attempts: number;
  origin: { topic: string; partition: string; offset: string };
  firstFailureAt: string;
  /** Epoch ms from which the next attempt may run. */
  dueAt: number;
}

export function isDeadLetterHeader(lowerKey: string): boolean {
  return DEAD_LETTER_PREFIXES.some((p) => lowerKey.startsWith(p)) || DEAD_LETTER_NAMES.includes(lowerKey);
}

/** The retry bookkeeping of a message, or null for a first attempt (a message from the original topic). */
export function readRetryState(headers: IHeaders): RetryState | null {
  const attempts = Number(headerText(headers, "x-retry-attempts"));
  const topic = headerText(headers, "x-retry-original-topic");
  if (!Number.isInteger(attempts) || attempts < 1 || !topic) return null;
  return {
    attempts,
    origin: {
      topic,
      partition: headerText(headers, "x-retry-original-partition") ?? "",
      offset: headerText(headers, "x-retry-original-offset") ?? "",
    },
    firstFailureAt: headerText(headers, "x-retry-first-failure-at") ?? "",
    dueAt: Number(headerText(headers, "x-retry-due-at") ?? 0),
  };
}

/**
 * The state after `message` failed again (or for the first time). `delaysMs[n-1]` is the wait after the
 * n-th failed attempt; past the last delay there is no next attempt (dueAt = the failure time).
 */
export function nextRetryState(
  message: ConsumedMessage,
  failure: Failure,
  delaysMs: readonly number[],
): RetryState {
  const previous = readRetryState(message.headers);
  const attempts = (previous?.attempts ?? 0) + 1;
  return {
    attempts,
    origin: previous?.origin ?? {
      topic: message.topic,
      partition: String(message.partition),
      offset: message.offset,
    },
    firstFailureAt: previous?.firstFailureAt ?? failure.at.toISOString(),
    dueAt: failure.at.getTime() + (delaysMs[attempts - 1] ?? 0),
  };
}

function businessHeaders(message: ConsumedMessage): IHeaders {
  const kept = withoutHeaders(
    message.headers,
    (key) => key.startsWith(RETRY_PREFIX) || isDeadLetterHeader(key) || key === "traceparent",
  );
  return { ...kept, traceparent: hopTraceparent(message.context) };
}

export function retryHeaders(message: ConsumedMessage, failure: Failure, state: RetryState): IHeaders {
  return {
    ...businessHeaders(message),
    "x-retry-original-topic": state.origin.topic,
    "x-retry-original-partition": state.origin.partition,
    "x-retry-original-offset": state.origin.offset,
    "x-retry-attempts": String(state.attempts),
    "x-retry-first-failure-at": state.firstFailureAt,
    "x-retry-due-at": String(state.dueAt),
    "x-retry-last-error": `${failure.errorType}: ${failure.errorMessage}`,
  };
}

export function deadLetterHeaders(message: ConsumedMessage, failure: Failure, state: RetryState): IHeaders {
  return {
    ...businessHeaders(message),
    "x-original-topic": state.origin.topic,
    "x-original-partition": state.origin.partition,
    "x-original-offset": state.origin.offset,
    "x-original-consumer-group": failure.consumerGroup,
    "x-error-type": failure.errorType,
    "x-error-message": failure.errorMessage,
    "x-attempts": String(state.attempts),
    "x-first-failure-at": state.firstFailureAt,
  };
}
