/**
 * Runs a re-drive task: paced batches, each one transaction (transaction.ts). Before every batch the
 * ledger is consulted, so a letter re-driven by anyone (another tab's task, this task before a crash) is
 * never sent again; after a failed transaction the producer is replaced (fencing the failed one, which
 * settles its transaction either way) and the ledger is read back from Kafka before deciding again.
 *
 * The velocity limit decides when letters may go; letters that are due already go together in one
 * transaction (up to MAX_TRANSACTION_LETTERS). So at a slow rate batches stay small and even, and when
 * Kafka is the limit (an unthrottled task, a busy broker) transactions grow, and their fixed cost — adding
 * partitions, the commit and its markers — is shared by more letters.
 */
import type { Admin } from "kafkajs";
import type { RedriveTask } from "@/lib/api/dlq";
import { nextBatchAt, redriveBatchSize } from "@/lib/dlq";
import type { Logger } from "@/server/logger";
import { ledgerFullError } from "@/server/dlq/ledger";
import type { LetterStore } from "@/server/dlq/letter-store";
import { targetOf } from "@/server/dlq/planner";
import type { TxProducers } from "@/server/dlq/producers";
import type { StateReader } from "@/server/dlq/state-reader";
import { MAX_LISTED_LETTERS } from "@/server/dlq/task-events";
import {
  type BatchLetter,
  type SentLetter,
  sendInTransaction,
  splitByBytes,
  targetPartitions,
} from "@/server/dlq/transaction";

export interface RunDeps {
  producers: TxProducers;
  state: StateReader;
  admin: Admin;
  ledgerTopic: string;
  log: Logger;
}

export interface RunControl {
  cancelled(): boolean;
  /** Sleeps, waking early when the task is cancelled. */
  sleep(ms: number): Promise<void>;
  progress(): void;
  /** The id of a task another instance runs on the same DLQ topic now, if any. */
  otherTask(): string | null;
}

export interface RunOutcome {
  status: "completed" | "cancelled" | "failed";
  error: string | null;
  /** The first MAX_LISTED_LETTERS letters this run sent: a task of a million letters keeps no million. */
  sent: SentLetter[];
  sentCount: number;
}

const RETRIES = 5;
/** Letters one transaction carries at most when several batches are due at once. */
export const MAX_TRANSACTION_LETTERS = 5_000;

/**
 * How many letters may go in the transaction starting now: those the velocity limit lets start by now
 * (letter n no earlier than n / rate seconds after the start, plus one batch ahead, as nextBatchAt), at
 * least one batch and at most MAX_TRANSACTION_LETTERS.
 */
export function dueLetters(elapsedMs: number, sentSinceStart: number, ratePerSec: number): number {
  const batch = redriveBatchSize(ratePerSec);
  const due = Math.floor((elapsedMs / 1000) * ratePerSec) + batch - sentSinceStart;
  return Math.min(MAX_TRANSACTION_LETTERS, Math.max(batch, due));
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runRedrive(
  task: RedriveTask,
  refs: readonly { partition: number; offset: string }[],
  store: LetterStore,
  deps: RunDeps,
  control: RunControl,
): Promise<RunOutcome> {
  const { producers, state, admin, ledgerTopic, log } = deps;
  const sent: SentLetter[] = [];
  let sentCount = 0;
  const end = (status: RunOutcome["status"], error: string | null): RunOutcome => ({
    status,
    error,
    sent,
    sentCount,
  });
  const ids = refs.map((r) => `${task.dlqTopic}/${r.partition}/${r.offset}`);
  const mine = (id: string) => state.ledger.get(id)?.taskId === task.id;
  try {
    const t0 = Date.now();
    let producer = await producers.get(task.dlqTopic);
    await state.catchUp();
    log.debug({ task: task.id, ms: Date.now() - t0 }, "re-drive producer fenced and ledger caught up");
    // Counts start from the ledger, so a resumed task neither forgets nor double-counts.
    task.moved = ids.filter(mine).length;
    task.skipped = 0;
    task.failed = 0;
    const todo = ids.filter((id) => !mine(id));
    const counted = new Set<string>();
    const partitions = await targetPartitions(admin, Object.keys(task.targets));
    const startedAt = Date.now();

    for (let i = 0; i < todo.length;) {
      const wait = nextBatchAt(startedAt, sentCount, task.ratePerSec) - Date.now();
      if (wait > 0) await control.sleep(wait);
      if (control.cancelled()) return end("cancelled", null);
      const size = dueLetters(Date.now() - startedAt, sentCount, task.ratePerSec);
      const chunk = todo.slice(i, i + size);
      i += size;
      for (let attempt = 1; ; attempt++) {
        const batch = pick(chunk, task, store, state, mine, counted);
        if (batch.length === 0) break;
        // Another task may have filled the ledger since this one started: stop rather than overfill it.
        const fresh = batch.filter((b) => b.count === 1).length;
        if (!state.ledger.room(fresh)) return end("failed", ledgerFullError(state.ledger, fresh).message);
        try {
          const now = Date.now();
          const result = await sendInTransaction({
            producer,
            parts: splitByBytes(batch),
            partitions,
            ledgerTopic,
            taskId: task.id,
            by: task.requestedBy,
            now,
          });
          log.debug(
            { task: task.id, letters: result.length, ms: Date.now() - now },
            "re-drive transaction committed",
          );
          for (const s of result) state.applyLedger(s.id, s.ledger);
          sent.push(...result.slice(0, MAX_LISTED_LETTERS - sent.length));
          sentCount += result.length;
          task.moved += result.length;
          break;
        } catch (error) {
          if (attempt >= RETRIES) throw error;
          log.warn({ err: error, task: task.id, attempt }, "re-drive transaction failed; retrying");
          await control.sleep(Math.min(8_000, 500 * 2 ** attempt));
          // Fenced by another instance's task on this DLQ (two started at once): that one carries on, and
          // this one stops rather than fence it back — two tasks fencing in turn could both run out of retries.
          const other = control.otherTask();
          if (other !== null) {
            const error = `another instance re-drives ${task.dlqTopic} (task ${other}); resume this task once it ends`;
            return end("failed", error);
          }
          producer = await producers.reset(task.dlqTopic);
          await state.catchUp();
        }
      }
      control.progress();
    }
    const missing = `${task.failed} letter(s) are no longer in the DLQ and were not re-driven`;
    return end("completed", task.failed > 0 ? missing : null);
  } catch (error) {
    log.error({ err: error, task: task.id }, "re-drive task failed");
    return end("failed", message(error));
  }
}

/**
 * The letters of a chunk that still need sending, after asking the ledger. Counts skipped (re-driven by
 * someone else, unless forced) and failed (no longer held) letters on the task, once per letter
 * (`counted`), so a retried chunk is not counted twice.
 */
function pick(
  chunk: readonly string[],
  task: RedriveTask,
  store: LetterStore,
  state: StateReader,
  mine: (id: string) => boolean,
  counted: Set<string>,
): BatchLetter[] {
  const batch: BatchLetter[] = [];
  for (const id of chunk) {
    if (mine(id)) continue;
    const entry = state.ledger.get(id);
    const letter = store.get(id);
    const target = letter ? targetOf(letter, task.target ?? undefined) : null;
    if (entry && !task.force) {
      if (!counted.has(id)) task.skipped += 1;
    } else if (!letter || target === null) {
      if (!counted.has(id)) task.failed += 1;
    } else {
      batch.push({ letter, target, count: (entry?.count ?? 0) + 1 });
      continue;
    }
    counted.add(id);
  }
  return batch;
}
