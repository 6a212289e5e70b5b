/**
 * The audit log: every re-drive (who, when, which letters, target, resulting offsets, outcome) and every
 * sign-in, appended to `__eventscope_audit` and served from memory by `GET /api/audit`. It learns of
 * re-drives from the task events (`follow`), so nothing that runs a task has to remember to audit it.
 */
import { randomUUID } from "node:crypto";
import { CompressionTypes, type Producer } from "kafkajs";
import type { AuditEntry, AuditOutcome, RedriveTask } from "@/lib/api/dlq";
import type { AuthEvent } from "@/server/auth";
import type { Logger } from "@/server/logger";
import type { StateReader } from "@/server/dlq/state-reader";
import type { TaskEvents } from "@/server/dlq/task-events";
import type { SentLetter } from "@/server/dlq/transaction";

export class AuditLog {
  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly state: StateReader,
    private readonly log: Logger,
  ) {}

  async append(partial: Omit<AuditEntry, "id" | "at">): Promise<void> {
    const entry: AuditEntry = { id: randomUUID(), at: Date.now(), ...partial };
    this.state.addAudit(entry);
    try {
      await this.producer.send({
        topic: this.topic,
        acks: -1,
        compression: CompressionTypes.GZIP,
        messages: [{ key: entry.id, value: JSON.stringify(entry) }],
      });
    } catch (error) {
      this.log.error({ err: error, action: entry.action }, "could not write the audit log");
      throw error;
    }
  }

  /**
   * Writes an entry for every task start and end the events report. A start waits for its entry (a
   * start that cannot be audited fails); an end that cannot be written is logged (append says so).
   */
  follow(events: TaskEvents): () => void {
    return events.on(async (event) => {
      if (event.type === "started") await this.taskStarted(event.task, event.action, event.by);
      else if (event.type === "finished")
        await this.taskFinished(event.task, event.sent, event.sentCount, event.note).catch(() => undefined);
    });
  }

  private taskStarted(
    task: RedriveTask,
    action: "redrive" | "redrive.resume",
    by = task.requestedBy,
  ): Promise<void> {
    return this.append({
      action,
      by,
      outcome: "started",
      dlqTopic: task.dlqTopic,
      taskId: task.id,
      target: describeTarget(task),
      letters: [],
      letterCount: task.total,
      counts: counts(task),
      message: null,
    });
  }

  private taskFinished(
    task: RedriveTask,
    sent: readonly SentLetter[],
    sentCount: number,
    note?: string,
  ): Promise<void> {
    const outcome: AuditOutcome =
      task.status === "completed" ? "completed" : task.status === "cancelled" ? "cancelled" : "failed";
    return this.append({
      action: "redrive",
      by: task.requestedBy,
      outcome,
      dlqTopic: task.dlqTopic,
      taskId: task.id,
      target: describeTarget(task),
      letters: sent.map(({ id, target, partition, offset }) => ({ id, target, partition, offset })),
      letterCount: sentCount,
      counts: counts(task),
      message: note ?? task.error,
    });
  }

  authEvent(event: AuthEvent): Promise<void> {
    return this.append({
      action: event.action,
      by: event.by,
      outcome: event.outcome,
      dlqTopic: null,
      taskId: null,
      target: null,
      letters: [],
      letterCount: 0,
      counts: null,
      message: event.message,
    });
  }
}

function describeTarget(task: RedriveTask): string {
  return task.target ?? (Object.keys(task.targets).join(", ") || "origin topics");
}

const counts = (t: RedriveTask) => ({ total: t.total, moved: t.moved, skipped: t.skipped, failed: t.failed });
