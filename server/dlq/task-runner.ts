/**
 * Runs re-drive tasks on this instance: launch (one run per DLQ topic), cancel, resume, progress. Each
 * run sends in paced transactions (runner.ts); the runner keeps the task's record fresh in the task store
 * while it runs, so other instances can tell a running task from an abandoned one, and reports what
 * happens as task events (the audit log and the socket listen). A cancel asked on another instance
 * arrives as a `cancelling` record of the task on the tasks topic.
 */
import type { RedriveTask } from "@/lib/api/dlq";
import { type PartitionRanges, rangesToRefs } from "@/lib/dlq";
import type { Logger } from "@/server/logger";
import type { LetterStore } from "@/server/dlq/letter-store";
import { type RunDeps, runRedrive } from "@/server/dlq/runner";
import type { StateReader } from "@/server/dlq/state-reader";
import type { TaskEvents } from "@/server/dlq/task-events";
import type { TaskStore } from "@/server/dlq/task-store";

export interface TaskRunnerDeps {
  run: RunDeps;
  state: StateReader;
  tasks: TaskStore;
  events: TaskEvents;
  /** The letters of a DLQ topic once read to its end; undefined while they are not. */
  letters(dlqTopic: string): LetterStore | undefined;
  /** "This DLQ's letters changed" (the re-driven marks), coalesced by the socket. */
  changed(dlqTopic: string): void;
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
/** How often a running task's record is refreshed, whether it moved or not (well under ABANDONED_AFTER_MS). */
const PERSIST_EVERY_MS = 3_000;

export class TaskRunner {
  private readonly active = new Map<string, ActiveRun>();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: TaskRunnerDeps) {
    this.unsubscribe = deps.state.onTaskRecord((record) => {
      if (record.task.status !== "cancelling") return;
      const run = this.active.get(record.task.dlqTopic);
      if (run?.task.id === record.task.id) this.cancel(record.task.id);
    });
  }

  activeTask(dlqTopic: string): RedriveTask | null {
    return this.active.get(dlqTopic)?.task ?? null;
  }

  activeTasks(): RedriveTask[] {
    return [...this.active.values()].map((r) => r.task);
  }

  /**
   * Starts a task whose slot the caller claimed: records it, announces it (the audit writes its entry;
   * when that fails, nothing is sent and this throws), then runs it in the background.
   */
  async launch(
    task: RedriveTask,
    letters: PartitionRanges,
    start: { action: "redrive" | "redrive.resume"; by: string },
  ): Promise<RedriveTask> {
    await this.deps.tasks.persist(task, letters);
    await this.deps.events.emit({ type: "started", task, ...start });
    this.run(task, letters);
    return task;
  }

  /** Starts a resumed copy of an ended task; its counts continue from the ledger. */
  resume(ended: RedriveTask, letters: PartitionRanges, by: string): Promise<RedriveTask> {
    const task: RedriveTask = {
      ...ended,
      status: "running",
      error: null,
      finishedAt: null,
      resumable: false,
      resumes: ended.resumes + 1,
      updatedAt: Date.now(),
    };
    return this.launch(task, letters, { action: "redrive.resume", by });
  }

  private run(task: RedriveTask, letters: PartitionRanges): void {
    const store = this.deps.letters(task.dlqTopic);
    let wake = () => undefined as void;
    let lastEmit = 0;
    const run: ActiveRun = { task, letters, cancel: "no", wake: () => wake(), done: Promise.resolve() };
    this.active.set(task.dlqTopic, run);
    this.deps.tasks.track(task);
    const persist = () => {
      task.updatedAt = Date.now();
      void this.deps.tasks.persist(task, letters).catch(() => undefined);
    };
    const heartbeat = setInterval(persist, PERSIST_EVERY_MS);
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
      otherTask: () => this.deps.tasks.runningElsewhere(task.dlqTopic)?.id ?? null,
      progress: () => {
        const now = Date.now();
        task.updatedAt = now;
        this.deps.changed(task.dlqTopic);
        if (now - lastEmit >= PROGRESS_EVERY_MS) {
          lastEmit = now;
          void this.deps.events.emit({ type: "progress", task }).catch(() => undefined);
        }
      },
    };
    run.done = (async () => {
      const outcome = store
        ? await runRedrive(task, [...rangesToRefs(letters)], store, this.deps.run, control)
        : { status: "failed" as const, error: `${task.dlqTopic} is not loaded`, sent: [], sentCount: 0 };
      clearInterval(heartbeat);
      const shutdown = run.cancel === "shutdown";
      task.status = shutdown ? "failed" : outcome.status;
      task.error = shutdown
        ? "interrupted: Eventscope was stopped; resume the task to continue"
        : outcome.error;
      task.resumable = task.status !== "completed";
      task.finishedAt = Date.now();
      task.updatedAt = task.finishedAt;
      this.active.delete(task.dlqTopic);
      await this.deps.tasks
        .persist(task, letters)
        .catch((error: unknown) =>
          this.deps.log.error({ err: error, task: task.id }, "could not record the task's end"),
        );
      this.deps.tasks.untrack(task.id);
      const { sent, sentCount } = outcome;
      await this.deps.events.emit({ type: "finished", task, sent, sentCount }).catch(() => undefined);
      this.deps.changed(task.dlqTopic);
    })();
  }

  /** Cancels a task running here at its next batch; null when it does not run on this instance. */
  cancel(taskId: string): RedriveTask | null {
    const run = [...this.active.values()].find((r) => r.task.id === taskId);
    if (!run) return null;
    if (run.cancel === "no") {
      run.cancel = "user";
      run.task.status = "cancelling";
      run.task.updatedAt = Date.now();
      run.wake();
      void this.deps.events.emit({ type: "progress", task: run.task }).catch(() => undefined);
      void this.deps.tasks.persist(run.task, run.letters).catch(() => undefined);
    }
    return run.task;
  }

  /** Stops running tasks at the next batch; they stay resumable. */
  async stop(): Promise<void> {
    this.unsubscribe();
    const runs = [...this.active.values()];
    for (const r of runs) {
      r.cancel = "shutdown";
      r.wake();
    }
    await Promise.all(runs.map((r) => r.done));
  }
}
