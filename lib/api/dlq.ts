/**
 * Shapes of the dead-letter, re-drive, audit and session API (README "HTTP API"). Plain data shared by
 * server/dlq, server/auth and the UI; the request body of a re-drive lives in lib/dlq/redrive-request.ts.
 */
import type { DeadLetterError, DeadLetterFamily, DeadLetterOrigin, RedriveFilter } from "@/lib/dlq";
import type { DecodedHeader, DecodedPayload } from "@/lib/model/event";

/** How Eventscope decided a topic is a DLQ. */
export type DlqRecognition = "name" | "headers";

/** Loading: the DLQ topics or the re-drive ledger are still being read; counts may be incomplete. */
export type DlqState = "loading" | "ready";

export interface DlqTopicSummary {
  topic: string;
  recognisedBy: DlqRecognition;
  partitions: number;
  /** Dead letters Eventscope holds for the topic (see `windowed`). */
  total: number;
  pending: number;
  redriven: number;
  /** Origin topics of its letters, most frequent first. */
  origins: string[];
  /** ms since epoch of the newest letter; null when empty. */
  newestAt: number | null;
  /** True when the topic has more letters than EVENTSCOPE_DLQ_MAX_LETTERS: the oldest were left out. */
  windowed: boolean;
  /** False until the topic was read up to its end once. */
  loaded: boolean;
  /** The re-drive task running on this topic, if any. */
  activeTaskId: string | null;
}

export interface DlqTopicsResponse {
  state: DlqState;
  topics: DlqTopicSummary[];
}

/** What the ledger remembers about a re-driven letter. */
export interface RedriveMark {
  taskId: string;
  by: string;
  /** ms since epoch. */
  at: number;
  target: { topic: string; partition: number; offset: string | null };
  /** 1 for the first re-drive; higher when forced again. */
  count: number;
}

export interface DeadLetterSummary {
  /** `dlqTopic/partition/offset`. */
  id: string;
  partition: number;
  offset: string;
  /** The dead letter record's own timestamp (ms). */
  timestamp: number;
  origin: DeadLetterOrigin;
  error: DeadLetterError;
  attempts: number | null;
  firstFailureAt: number | null;
  traceId: string | null;
  /** Short preview of the key (text or hex). */
  key: string | null;
  families: DeadLetterFamily[];
  warnings: string[];
  redriven: RedriveMark | null;
}

export interface ErrorGroup {
  /** Exception class / error type; null groups letters without one. */
  errorType: string | null;
  count: number;
  pending: number;
  /** A representative message. */
  sampleMessage: string | null;
}

export type LetterStatusFilter = "all" | "pending" | "redriven";

export interface DeadLettersResponse {
  topic: string;
  state: DlqState;
  /** All letters of the topic Eventscope holds. */
  total: number;
  /** Letters matching the query (before paging). */
  matched: number;
  /** Error groups over all letters of the topic (not only the matched ones). */
  groups: ErrorGroup[];
  letters: DeadLetterSummary[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface DeadLetterDetail extends DeadLetterSummary {
  dlqTopic: string;
  headers: DecodedHeader[];
  keyPayload: DecodedPayload | null;
  value: DecodedPayload;
  size: number;
}

export type RedriveStatus = "running" | "completed" | "cancelling" | "cancelled" | "failed";

export const FINAL_REDRIVE_STATUSES: readonly RedriveStatus[] = ["completed", "cancelled", "failed"];

export interface RedriveTask {
  id: string;
  dlqTopic: string;
  status: RedriveStatus;
  requestedBy: string;
  /** ms since epoch. */
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** Explicit target, or null when each letter goes back to its origin topic. */
  target: string | null;
  /** Where the letters go: topic → number of letters. */
  targets: Record<string, number>;
  ratePerSec: number;
  force: boolean;
  selection: { kind: "ids" } | { kind: "filter"; filter: RedriveFilter };
  /** Letters selected when the task was created. */
  total: number;
  /** Re-driven by this task (across resumes). */
  moved: number;
  /** Found already re-driven when their turn came (another task or a double click got there first). */
  skipped: number;
  /** Letters that could not be re-driven (e.g. no longer in the DLQ). */
  failed: number;
  error: string | null;
  /** True when the task stopped before the end and `POST /api/redrives/:id/resume` can continue it. */
  resumable: boolean;
  /** How often the task was resumed. */
  resumes: number;
}

export interface RedrivePlanTarget {
  topic: string;
  count: number;
  /** True when no header named the origin and the topic was derived from the DLQ's name. */
  derived: boolean;
}

/** The answer to a dry run, and the plan a real re-drive starts with. */
export interface RedrivePlan {
  dlqTopic: string;
  /** Letters the request selected. */
  selected: number;
  /** Letters that would be sent now. */
  toSend: number;
  targets: RedrivePlanTarget[];
  /** Selected letters the ledger says were re-driven already (sent only with `force`). */
  alreadyRedriven: string[];
  /** Selected ids Eventscope does not hold (wrong offset, or deleted by retention). */
  missing: string[];
  /** Letters without a known origin: they need an explicit `target`. */
  noTarget: string[];
  /** Target topics that do not exist. */
  missingTargets: string[];
  /** A few of the letters with where each would go. */
  sample: { id: string; target: string | null; errorType: string | null }[];
  ratePerSec: number;
  estimatedSeconds: number;
}

export interface RedriveDryRunResponse {
  dryRun: true;
  plan: RedrivePlan;
}

export interface RedriveStartResponse {
  dryRun: false;
  plan: RedrivePlan;
  task: RedriveTask;
}

export type RedriveResponse = RedriveDryRunResponse | RedriveStartResponse;

export interface RedriveTasksResponse {
  tasks: RedriveTask[];
}

export type AuditOutcome = "completed" | "cancelled" | "failed" | "started" | "succeeded" | "refused";

export interface AuditEntry {
  id: string;
  /** e.g. "redrive", "redrive.resume", "auth.sign-in". */
  action: string;
  by: string;
  /** ms since epoch. */
  at: number;
  outcome: AuditOutcome;
  dlqTopic: string | null;
  taskId: string | null;
  target: string | null;
  /** Re-driven letters with the offset each got on its target (capped, see `letterCount`). */
  letters: { id: string; target: string; partition: number; offset: string | null }[];
  letterCount: number;
  counts: { total: number; moved: number; skipped: number; failed: number } | null;
  message: string | null;
}

export interface AuditResponse {
  entries: AuditEntry[];
}

export interface SessionResponse {
  /** False when the server has no EVENTSCOPE_ADMIN_TOKEN: everything is read-only. */
  authEnabled: boolean;
  signedIn: boolean;
  user: string | null;
  /** ms since epoch. */
  expiresAt: number | null;
}
