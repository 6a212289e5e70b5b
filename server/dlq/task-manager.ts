/**
 * Re-drive tasks: at most one running per DLQ topic, each persisted to `__eventscope_redrive_tasks`
 * (definition + latest state, so it can be resumed after a crash), audited at start and end, and
 * reported over the socket while it runs.
 */
import { randomUUID } from "node:crypto";
import type { Producer } from "kafkajs";
import { FINAL_REDRIVE_STATUSES, type RedrivePlan, type RedriveTask } from "@/lib/api/dlq";
import { idsToRanges, type PartitionRanges, rangesToRefs, type RedriveRequest } from "@/lib/dlq";
import { AppError } from "@/lib/errors";
import type { Logger } from "@/server/logger";
import type { AuditLog } from "@/server/dlq/audit-log";
import type { InternalTopics } from "@/server/dlq/internal-topics";
import type { LetterStore } from "@/server/dlq/letter-store";
import type { PlannedLetter } from "@/server/dlq/planner";
import type { TaskRecord } from "@/server/dlq/records";
import { type RunDeps, runRedrive } from "@/server/dlq/runner";
import type { StateReader } from "@/server/dlq/state-reader";

export interface TaskManagerDeps {
  run: RunDeps;
  state: StateReader;
  producer: Producer;
  topics: InternalTopics;
  audit: AuditLog;
  store(dlqTopic: string): LetterStore | undefined;
  emitTask(task: RedriveTask): void;
  emitChanged(dlqTopic: string): void;
  log: Logger;
}

interface ActiveRun {
  task: RedriveTask;
  letters: PartitionRanges;
  cancel: "no" | "user" | "shutdown";
  wake: () => void;
  done: Promise<void>;
}

const PROGRESS_EVERY_MS = 250;
const PERSIST_EVERY_MS = 3_000;

export class TaskManager {
  private readonly active = new Map<string, ActiveRun | "starting">();

  constructor(private readonly deps: TaskManagerDeps) {}

  activeTask(dlqTopic: string): RedriveTask | null {
    const run = this.active.get(dlqTopic);
    return run && run !== "starting" ? run.task : null;
  }

  activeTasks(): RedriveTask[] {
    return [...this.active.values()].flatMap((r) => (r === "starting" ? [] : [r.task]));
  }

  get(taskId: string): RedriveTask {
    const running = this.activeTasks().find((t) => t.id === taskId);
    const task = running ?? this.deps.state.tasks.get(taskId)?.task;
    if (!task) throw new AppError("not_found", `no re-drive task ${taskId}`);
    return task;
  }

  list(filter: { dlqTopic?: string; limit: number }): RedriveTask[] {
    const byId = new Map([...this.deps.state.tasks.values()].map((r) => [r.task.id, r.task]));
    for (const t of this.activeTasks()) byId.set(t.id, t);
    return [...byId.values()]
      .filter((t) => filter.dlqTopic === undefined || t.dlqTopic === filter.dlqTopic)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, filter.limit);
  }

  /** Claims the topic's one task slot synchronously, so a double click cannot start two tasks. */
  claim(dlqTopic: string): () => void {
    const current = this.active.get(dlqTopic);
    if (current) {
      const id = current === "starting" ? "" : ` (${current.task.id})`;
      throw new AppError("conflict", `a re-drive of ${dlqTopic} is already running${id}; wait or cancel it`);
    }
    this.active.set(dlqTopic, "starting");
    return () => {
      if (this.active.get(dlqTopic) === "starting") this.active.delete(dlqTopic);
    };
  }

  /** Starts a task from a plan whose topic slot the caller claimed. */
  async start(input: { plan: RedrivePlan; send: PlannedLetter[]; request: RedriveRequest; by: string }) {
    const { plan, send, request, by } = input;
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
    await this.persist(task, letters);
    await this.deps.audit.taskStarted(task, "redrive");
    this.launch(task, letters);
    return task;
  }

  cancel(taskId: string): RedriveTask {
    const run = [...this.active.values()].find(
      (r): r is ActiveRun => r !== "starting" && r.task.id === taskId,
    );
    if (!run) {
      const task = this.get(taskId);
      throw new AppError("conflict", `task ${taskId} is not running (it is ${task.status})`);
    }
    if (run.cancel === "no") {
      run.cancel = "user";
      run.task.status = "cancelling";
      run.task.updatedAt = Date.now();
      run.wake();
      this.deps.emitTask(run.task);
      void this.persist(run.task, run.letters).catch(() => undefined);
    }
    return run.task;
  }

  async resume(taskId: string, by: string): Promise<RedriveTask> {
    // The task's final state is read back from its compacted topic: a task cancelled a moment ago may not
    // be read back yet, and would look as if it were still running.
    await this.deps.state.catchUp(10_000);
    const record = this.deps.state.tasks.get(taskId);
    if (!record) throw new AppError("not_found", `no re-drive task ${taskId}`);
    const release = this.claim(record.task.dlqTopic);
    try {
      const current = this.deps.state.tasks.get(taskId)?.task ?? record.task;
      if (!current.resumable || !FINAL_REDRIVE_STATUSES.includes(current.status))
        throw new AppError("conflict", `task ${taskId} cannot be resumed (it is ${current.status})`);
      if (!this.deps.store(current.dlqTopic))
        throw new AppError("unavailable", `${current.dlqTopic} is not loaded (yet); try again shortly`);
      const task: RedriveTask = {
        ...current,
        status: "running",
        error: null,
        finishedAt: null,
        resumable: false,
        resumes: current.resumes + 1,
        updatedAt: Date.now(),
      };
      await this.persist(task, record.letters);
      await this.deps.audit.taskStarted(task, "redrive.resume", by);
      this.launch(task, record.letters);
      return task;
    } finally {
      release();
    }
  }

  /**
   * After a start: tasks the topic says were running belong to a process that died. Fencing their
   * transactional ids settles any transaction it left open; they are then marked failed and resumable.
   */
  async recoverInterrupted(): Promise<void> {
    const interrupted = [...this.deps.state.tasks.values()].filter(
      (r) => !FINAL_REDRIVE_STATUSES.includes(r.task.status),
    );
    for (const record of interrupted) {
      await this.deps.run.producers.get(record.task.dlqTopic);
      const task: RedriveTask = {
        ...record.task,
        status: "failed",
        resumable: true,
        error: "interrupted: Eventscope stopped while this task ran; resume it to re-drive the rest",
        finishedAt: Date.now(),
        updatedAt: Date.now(),
      };
      await this.persist(task, record.letters);
      await this.deps.audit.taskFinished(task, [], "interrupted");
      this.deps.log.warn({ task: task.id, dlqTopic: task.dlqTopic }, "re-drive task was interrupted");
    }
    if (interrupted.length > 0) await this.deps.state.catchUp();
  }

  private launch(task: RedriveTask, letters: PartitionRanges): void {
    const store = this.deps.store(task.dlqTopic);
    let wake = () => undefined as void;
    let lastEmit = 0;
    let lastPersist = Date.now();
    const run: ActiveRun = { task, letters, cancel: "no", wake: () => wake(), done: Promise.resolve() };
    this.active.set(task.dlqTopic, run);
    this.deps.emitTask(task);
    const control = {
      cancelled: () => run.cancel !== "no",
      sleep: (ms: number) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        }),
      progress: () => {
        const now = Date.now();
        task.updatedAt = now;
        this.deps.emitChanged(task.dlqTopic);
        if (now - lastEmit >= PROGRESS_EVERY_MS) {
          lastEmit = now;
          this.deps.emitTask(task);
        }
        if (now - lastPersist >= PERSIST_EVERY_MS) {
          lastPersist = now;
          void this.persist(task, letters).catch(() => undefined);
        }
      },
    };
    run.done = (async () => {
      const outcome = store
        ? await runRedrive(task, [...rangesToRefs(letters)], store, this.deps.run, control)
        : { status: "failed" as const, error: `${task.dlqTopic} is not loaded`, sent: [] };
      const shutdown = run.cancel === "shutdown";
      task.status = shutdown ? "failed" : outcome.status;
      task.error = shutdown
        ? "interrupted: Eventscope was stopped; resume the task to continue"
        : outcome.error;
      task.resumable = task.status !== "completed";
      task.finishedAt = Date.now();
      task.updatedAt = task.finishedAt;
      this.active.delete(task.dlqTopic);
      await this.persist(task, letters).catch((error: unknown) =>
        this.deps.log.error({ err: error, task: task.id }, "could not record the task's end"),
      );
      await this.deps.audit.taskFinished(task, outcome.sent).catch(() => undefined);
      this.deps.emitTask(task);
      this.deps.emitChanged(task.dlqTopic);
    })();
  }

  private async persist(task: RedriveTask, letters: PartitionRanges): Promise<void> {
    const record: TaskRecord = { v: 1, task: { ...task }, letters };
    this.deps.state.rememberTask(record);
    await this.deps.producer.send({
      topic: this.deps.topics.tasks,
      acks: -1,
      messages: [{ key: task.id, value: JSON.stringify(record) }],
    });
  }

  /** Stops running tasks at the next batch; they stay resumable. */
  async stop(): Promise<void> {
    const runs = [...this.active.values()].filter((r): r is ActiveRun => r !== "starting");
    for (const r of runs) {
      r.cancel = "shutdown";
      r.wake();
    }
    await Promise.all(runs.map((r) => r.done));
  }
}
