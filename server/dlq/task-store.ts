/**
 * Re-drive tasks as Kafka keeps them: each task's definition and latest state in the compacted topic
 * `__eventscope_redrive_tasks` (read back by the state reader), plus the live state of the tasks this
 * instance runs, which is newer than their last record. Persist, list, get — nothing here runs a task.
 */
import type { Producer } from "kafkajs";
import { FINAL_REDRIVE_STATUSES, type RedriveTask } from "@/lib/api/dlq";
import type { PartitionRanges } from "@/lib/dlq";
import { AppError } from "@/lib/errors";
import type { TaskRecord } from "@/server/dlq/records";
import type { StateReader } from "@/server/dlq/state-reader";

/**
 * A running task's record is refreshed every few seconds by the instance that runs it (task-runner.ts);
 * one not refreshed for this long belongs to an instance that is gone. Generous, so clocks that differ
 * between machines by a few seconds never make a live task look abandoned.
 */
export const ABANDONED_AFTER_MS = 30_000;

export class TaskStore {
  private readonly live = new Map<string, RedriveTask>();

  constructor(
    private readonly state: StateReader,
    private readonly producer: Producer,
    private readonly topic: string,
  ) {}

  async persist(task: RedriveTask, letters: PartitionRanges): Promise<void> {
    const record: TaskRecord = { v: 1, task: { ...task }, letters };
    this.state.rememberTask(record);
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: [{ key: task.id, value: JSON.stringify(record) }],
    });
  }

  /** The task record as last read from Kafka (or written by this instance). */
  record(taskId: string): TaskRecord | undefined {
    return this.state.tasks.get(taskId);
  }

  /** Shows a task this instance runs with its live counts until it is untracked. */
  track(task: RedriveTask): void {
    this.live.set(task.id, task);
  }

  untrack(taskId: string): void {
    this.live.delete(taskId);
  }

  get(taskId: string): RedriveTask {
    const task = this.live.get(taskId) ?? this.state.tasks.get(taskId)?.task;
    if (!task) throw new AppError("not_found", `no re-drive task ${taskId}`);
    return task;
  }

  list(filter: { dlqTopic?: string; limit: number }): RedriveTask[] {
    const byId = new Map([...this.state.tasks.values()].map((r) => [r.task.id, r.task]));
    for (const t of this.live.values()) byId.set(t.id, t);
    return [...byId.values()]
      .filter((t) => filter.dlqTopic === undefined || t.dlqTopic === filter.dlqTopic)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, filter.limit);
  }

  /** Recorded tasks that have not ended, each with the letters it selected. */
  unfinished(): TaskRecord[] {
    return [...this.state.tasks.values()].filter((r) => !FINAL_REDRIVE_STATUSES.includes(r.task.status));
  }

  /** A task of `dlqTopic` that another instance is running now (its record is fresh), if any. */
  runningElsewhere(dlqTopic: string): RedriveTask | null {
    return this.elsewhere().find((t) => t.dlqTopic === dlqTopic) ?? null;
  }

  /** Every running task of the deployment: this instance's, then those other instances keep fresh. */
  running(): RedriveTask[] {
    return [...this.live.values(), ...this.elsewhere()];
  }

  private elsewhere(now = Date.now()): RedriveTask[] {
    return this.unfinished()
      .map((r) => r.task)
      .filter((t) => !this.live.has(t.id) && now - t.updatedAt < ABANDONED_AFTER_MS);
  }
}
