/**
 * Reads Eventscope's own topics (ledger, tasks, audit) from the beginning with read_committed and keeps
 * following them: the ledger says which letters were re-driven, the tasks topic what a resume continues,
 * the audit topic what `GET /api/audit` shows. A re-drive only starts once this has caught up, and it
 * catches up again after every failed transaction, so "is X re-driven?" is answered from Kafka itself.
 */
import { randomUUID } from "node:crypto";
import type { Admin, Consumer, Kafka, KafkaMessage } from "kafkajs";
import { type AuditEntry, FINAL_REDRIVE_STATUSES } from "@/lib/api/dlq";
import type { Logger } from "@/server/logger";
import { ConsumerProgress, endOffsets } from "@/server/dlq/consumer-progress";
import { supersedes } from "@/server/dlq/task-order";
import type { InternalTopics } from "@/server/dlq/internal-topics";
import { Ledger } from "@/server/dlq/ledger";
import {
  auditEntrySchema,
  type LedgerValue,
  ledgerValueSchema,
  parseRecord,
  type TaskRecord,
  taskRecordSchema,
} from "@/server/dlq/records";

/**
 * Audit entries kept in memory (the newest); the topic keeps them all. Bounded by count and by bytes,
 * since one entry may list 10,000 letters.
 */
const AUDIT_MEMORY = 5_000;
export const AUDIT_MEMORY_BYTES = 16 * 2 ** 20;

/** What an audit entry costs in memory: measured on Node 20, about 110 B per listed letter of short ids. */
export function auditEntryBytes(entry: AuditEntry): number {
  let bytes = 600 + (entry.message?.length ?? 0);
  for (const l of entry.letters) bytes += 80 + l.id.length + l.target.length + (l.offset?.length ?? 0);
  return bytes;
}
/** Ended tasks kept in memory (newest first); running ones are always kept. The topic keeps them all. */
const ENDED_TASK_MEMORY = 1_000;

/**
 * What a ledger record that is not a tombstone but cannot be read stands for. Something wrote a record
 * under that letter's key, so it was re-driven; reading it as "not re-driven" could re-drive it twice.
 */
export function unreadableMark(at: number): LedgerValue {
  return {
    v: 1,
    taskId: "(unreadable ledger record)",
    by: "(unreadable ledger record)",
    at,
    target: { topic: "(unknown)", partition: -1, offset: null },
    count: 1,
  };
}

export class StateReader {
  readonly ledger: Ledger;
  readonly tasks = new Map<string, TaskRecord>();
  private readonly audit: AuditEntry[] = [];
  private readonly auditIds = new Set<string>();
  private auditBytes = 0;
  private consumer: Consumer | null = null;
  private progress: ConsumerProgress | null = null;
  private readonly groupId: string;
  private readonly ledgerListeners = new Set<(dlqTopic: string) => void>();
  private readonly taskListeners = new Set<(record: TaskRecord) => void>();

  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly topics: InternalTopics,
    groupPrefix: string,
    private readonly log: Logger,
    /** What the re-drive ledger may hold in memory (ledger.ts). */
    ledgerMaxBytes: number,
  ) {
    this.groupId = `${groupPrefix}-state-${randomUUID()}`;
    this.ledger = new Ledger(ledgerMaxBytes);
  }

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      readUncommitted: false,
      maxWaitTimeInMs: 200,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    this.progress = new ConsumerProgress(consumer);
    await consumer.connect();
    await consumer.subscribe({
      topics: [this.topics.ledger, this.topics.tasks, this.topics.audit],
      fromBeginning: true,
    });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, message }) => {
        const key = message.key?.toString("utf8") ?? "";
        if (topic === this.topics.ledger) this.readLedger(key, message);
        else if (topic === this.topics.tasks) {
          const record = parseRecord(taskRecordSchema, message.value);
          this.applyTask(key, record);
          if (record) for (const l of this.taskListeners) l(record);
        } else if (topic === this.topics.audit) {
          const entry = parseRecord(auditEntrySchema, message.value);
          if (entry) this.addAudit(entry);
        }
      },
    });
  }

  /** Waits until everything committed to the three topics before this call has been read. */
  async catchUp(timeoutMs = 60_000): Promise<void> {
    if (!this.progress) throw new Error("state reader not started");
    const ends = await endOffsets(this.admin, [this.topics.ledger, this.topics.tasks, this.topics.audit]);
    if (!(await this.progress.waitFor(ends, timeoutMs)))
      throw new Error(`could not read Eventscope's re-drive ledger within ${Math.round(timeoutMs / 1000)} s`);
  }

  private readLedger(id: string, message: KafkaMessage): void {
    if (message.value === null) return this.applyLedger(id, null);
    const value = parseRecord(ledgerValueSchema, message.value);
    if (value) return this.applyLedger(id, value);
    this.log.warn(
      { id: id.slice(0, 300), offset: message.offset },
      "unreadable re-drive ledger record: the letter counts as re-driven (details unknown)",
    );
    // A readable record already says more about the same re-drive; keep it.
    if (!this.ledger.has(id)) this.applyLedger(id, unreadableMark(Number(message.timestamp)));
  }

  /** Applies a ledger record (from the topic, or written through after our own commit). Null = tombstone. */
  applyLedger(id: string, value: LedgerValue | null): void {
    if (value === null) this.ledger.delete(id);
    else {
      const current = this.ledger.get(id);
      // A late echo of an older record must not undo a newer (forced) re-drive.
      if (current && current.count > value.count) return;
      this.ledger.set(id, value);
    }
    const dlqTopic = id.slice(0, id.indexOf("/"));
    for (const l of this.ledgerListeners) l(dlqTopic);
  }

  onLedgerChange(listener: (dlqTopic: string) => void): () => void {
    this.ledgerListeners.add(listener);
    return () => this.ledgerListeners.delete(listener);
  }

  /**
   * Called with every task record read from the topic, also one that an instance's own newer record
   * supersedes here: a cancel asked on another instance must reach the instance running the task.
   */
  onTaskRecord(listener: (record: TaskRecord) => void): () => void {
    this.taskListeners.add(listener);
    return () => this.taskListeners.delete(listener);
  }

  private applyTask(id: string, record: TaskRecord | null): void {
    if (record === null) this.tasks.delete(id);
    else {
      const current = this.tasks.get(id);
      if (!current || supersedes(record.task, current.task)) this.tasks.set(id, record);
      if (this.tasks.size > ENDED_TASK_MEMORY * 1.2) this.forgetOldEndedTasks();
    }
  }

  private forgetOldEndedTasks(): void {
    const ended = [...this.tasks]
      .filter(([, r]) => FINAL_REDRIVE_STATUSES.includes(r.task.status))
      .sort(([, a], [, b]) => b.task.updatedAt - a.task.updatedAt);
    for (const [id] of ended.slice(ENDED_TASK_MEMORY)) this.tasks.delete(id);
  }

  /** Records our own task state at once (the topic echo follows). */
  rememberTask(record: TaskRecord): void {
    this.applyTask(record.task.id, record);
  }

  addAudit(entry: AuditEntry): void {
    if (this.auditIds.has(entry.id)) return;
    this.auditIds.add(entry.id);
    this.audit.push(entry);
    this.auditBytes += auditEntryBytes(entry);
    if (this.audit.length > AUDIT_MEMORY * 1.2 || this.auditBytes > AUDIT_MEMORY_BYTES) this.forgetOldAudit();
  }

  /** Down to AUDIT_MEMORY entries and 80% of the bytes (so not every entry sorts again), oldest first. */
  private forgetOldAudit(): void {
    this.audit.sort((a, b) => a.at - b.at);
    let drop = 0;
    let bytes = this.auditBytes;
    while (
      drop < this.audit.length - 1 &&
      (this.audit.length - drop > AUDIT_MEMORY || bytes > AUDIT_MEMORY_BYTES * 0.8)
    ) {
      bytes -= auditEntryBytes(this.audit[drop]!);
      drop += 1;
    }
    for (const old of this.audit.splice(0, drop)) this.auditIds.delete(old.id);
    this.auditBytes = bytes;
  }

  /** Newest first. */
  auditEntries(filter: { dlqTopic?: string; limit: number }): AuditEntry[] {
    return this.audit
      .filter((e) => filter.dlqTopic === undefined || e.dlqTopic === filter.dlqTopic)
      .sort((a, b) => b.at - a.at)
      .slice(0, filter.limit);
  }

  async stop(): Promise<void> {
    await this.consumer
      ?.disconnect()
      .catch((error: unknown) => this.log.warn({ err: error }, "state reader"));
    this.consumer = null;
    // The group never commits (the state is read from the start each time): nothing to keep.
    await this.admin.deleteGroups([this.groupId]).catch(() => undefined);
  }
}
