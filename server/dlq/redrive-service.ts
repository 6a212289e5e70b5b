/**
 * The one home of a re-drive's orchestration, behind the REST routes: claim the DLQ topic's one task
 * slot, plan (what a dry run shows), refuse what the plan blocks, launch; cancel and resume; and settle
 * the tasks a dead instance left running. One task per DLQ topic runs cluster-wide: the slot is refused
 * while this instance runs one or another instance's record of a running task is fresh — and should two
 * instances still start at the same moment, the transactional id per DLQ topic (producers.ts) fences one
 * and the ledger keeps every letter to one send.
 */
import { randomUUID } from "node:crypto";
import { FINAL_REDRIVE_STATUSES, type RedriveResponse, type RedriveTask } from "@/lib/api/dlq";
import { idsToRanges, ledgerKey, rangesToRefs, type RedriveRequest } from "@/lib/dlq";
import { AppError } from "@/lib/errors";
import type { Logger } from "@/server/logger";
import { ledgerFullError } from "@/server/dlq/ledger";
import type { LetterStore } from "@/server/dlq/letter-store";
import { planBlocker, planRedrive } from "@/server/dlq/planner";
import type { TxProducers } from "@/server/dlq/producers";
import type { StateReader } from "@/server/dlq/state-reader";
import type { TaskEvents } from "@/server/dlq/task-events";
import type { TaskRunner } from "@/server/dlq/task-runner";
import { ABANDONED_AFTER_MS, type TaskStore } from "@/server/dlq/task-store";

export interface RedriveServiceDeps {
  state: StateReader;
  tasks: TaskStore;
  runner: TaskRunner;
  events: TaskEvents;
  producers: TxProducers;
  /** The letters of a DLQ topic read to its end (else 404 / 503, as the dead-letter service says). */
  loadedLetters(dlqTopic: string): LetterStore;
  existingTopics(): Promise<Set<string>>;
  log: Logger;
}

export class RedriveService {
  /** DLQ topics whose slot a request holds while it plans and starts (synchronously claimed). */
  private readonly claims = new Set<string>();

  constructor(private readonly deps: RedriveServiceDeps) {}

  /** `POST /api/dlq/:topic/redrive`: the dry run's plan, or a started task. */
  async redrive(dlqTopic: string, request: RedriveRequest, by: string): Promise<RedriveResponse> {
    const store = this.deps.loadedLetters(dlqTopic);
    const existingTopics = await this.deps.existingTopics();
    const ledger = this.deps.state.ledger;
    if (request.dryRun)
      return { dryRun: true, plan: planRedrive({ request, store, ledger, existingTopics }).plan };
    // Claimed before planning and released once the task runs or failed to start: a second click is refused.
    const release = this.claim(store.topic);
    try {
      const { plan, send } = planRedrive({ request, store, ledger, existingTopics });
      const blocker = planBlocker(plan, request);
      if (blocker) throw blocker;
      // Refused rather than let the ledger forget entries that still guard letters against a second re-drive.
      const fresh = send.filter((s) => !ledger.has(s.letter.id)).length;
      if (!ledger.room(fresh)) throw ledgerFullError(ledger, fresh);
      const now = Date.now();
      const task: RedriveTask = {
        id: randomUUID(),
        dlqTopic: plan.dlqTopic,
        status: "running",
        requestedBy: by,
        createdAt: now,
        updatedAt: now,
        finishedAt: null,
        target: request.target ?? null,
        targets: Object.fromEntries(plan.targets.map((t) => [t.topic, t.count])),
        ratePerSec: request.ratePerSec,
        force: request.force,
        selection: request.ids ? { kind: "ids" } : { kind: "filter", filter: request.filter ?? {} },
        total: send.length,
        moved: 0,
        skipped: 0,
        failed: 0,
        error: null,
        resumable: false,
        resumes: 0,
      };
      const letters = idsToRanges(send.map((s) => s.letter));
      await this.deps.runner.launch(task, letters, { action: "redrive", by });
      return { dryRun: false, plan, task };
    } finally {
      release();
    }
  }

  /** Cancels a running task, here or — through its record on the tasks topic — on the instance running it. */
  async cancel(taskId: string): Promise<RedriveTask> {
    const here = this.deps.runner.cancel(taskId);
    if (here) return here;
    const record = this.deps.tasks.record(taskId);
    const task = record?.task ?? this.deps.tasks.get(taskId);
    if (!record || FINAL_REDRIVE_STATUSES.includes(task.status))
      throw new AppError("conflict", `task ${taskId} is not running (it is ${task.status})`);
    // Ordered just after the record it answers, whatever this machine's clock says; the running
    // instance's own later records (cancelling, then cancelled) come after it.
    const cancelling: RedriveTask = { ...task, status: "cancelling", updatedAt: task.updatedAt + 1 };
    await this.deps.tasks.persist(cancelling, record.letters);
    return cancelling;
  }

  async resume(taskId: string, by: string): Promise<RedriveTask> {
    // The task's final state is read back from its compacted topic: a task cancelled a moment ago may not
    // be read back yet, and would look as if it were still running.
    await this.deps.state.catchUp(10_000);
    const record = this.deps.tasks.record(taskId);
    if (!record) throw new AppError("not_found", `no re-drive task ${taskId}`);
    const release = this.claim(record.task.dlqTopic);
    try {
      const current = this.deps.tasks.record(taskId)?.task ?? record.task;
      if (!current.resumable || !FINAL_REDRIVE_STATUSES.includes(current.status))
        throw new AppError("conflict", `task ${taskId} cannot be resumed (it is ${current.status})`);
      this.deps.loadedLetters(current.dlqTopic);
      const ledger = this.deps.state.ledger;
      let fresh = 0;
      for (const { partition, offset } of rangesToRefs(record.letters))
        if (!ledger.has(ledgerKey(current.dlqTopic, partition, offset))) fresh += 1;
      if (!ledger.room(fresh)) throw ledgerFullError(ledger, fresh);
      return await this.deps.runner.resume(current, record.letters, by);
    } finally {
      release();
    }
  }

  /**
   * Settles tasks recorded as running that no instance runs any more: fencing their transactional id
   * settles any transaction left open, and they are marked failed and resumable. `all` on a lone
   * instance's start (nobody else can run them); `abandoned` in a deployment of several instances, for
   * records not refreshed for ABANDONED_AFTER_MS (the others' running tasks refresh theirs).
   */
  async recoverInterrupted(which: "all" | "abandoned"): Promise<void> {
    const now = Date.now();
    const interrupted = this.deps.tasks
      .unfinished()
      .filter((r) => which === "all" || now - r.task.updatedAt >= ABANDONED_AFTER_MS)
      .filter((r) => this.deps.runner.activeTask(r.task.dlqTopic)?.id !== r.task.id);
    for (const record of interrupted) {
      await this.deps.producers.get(record.task.dlqTopic);
      const task: RedriveTask = {
        ...record.task,
        status: "failed",
        resumable: true,
        error: "interrupted: Eventscope stopped while this task ran; resume it to re-drive the rest",
        finishedAt: Date.now(),
        updatedAt: Date.now(),
      };
      await this.deps.tasks.persist(task, record.letters);
      await this.deps.events.emit({ type: "finished", task, sent: [], sentCount: 0, note: "interrupted" });
      this.deps.log.warn({ task: task.id, dlqTopic: task.dlqTopic }, "re-drive task was interrupted");
    }
    if (interrupted.length > 0) await this.deps.state.catchUp();
  }

  /** Claims the topic's one task slot synchronously, so a double click cannot start two tasks. */
  private claim(dlqTopic: string): () => void {
    const running = this.deps.runner.activeTask(dlqTopic) ?? this.deps.tasks.runningElsewhere(dlqTopic);
    if (this.claims.has(dlqTopic) || running) {
      const id = running ? ` (${running.id})` : "";
      throw new AppError("conflict", `a re-drive of ${dlqTopic} is already running${id}; wait or cancel it`);
    }
    this.claims.add(dlqTopic);
    return () => this.claims.delete(dlqTopic);
  }
}
