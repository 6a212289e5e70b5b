/**
 * What Eventscope writes to its own topics, validated on the way back in (a record written by another
 * version, or by hand, must not crash the reader):
 *  - `__eventscope_redrives` (compacted; key `dlqTopic/partition/offset`): the ledger of re-driven letters;
 *  - `__eventscope_redrive_tasks` (compacted; key task id): each task's definition and latest state;
 *  - `__eventscope_audit` (append-only; key entry id): who did what, with which outcome.
 */
import { z } from "zod";
import type { AuditEntry, RedriveMark, RedriveTask } from "@/lib/api/dlq";
import { redriveFilterSchema } from "@/lib/dlq";

export const ledgerValueSchema = z.object({
  v: z.literal(1),
  taskId: z.string(),
  by: z.string(),
  at: z.number(),
  target: z.object({ topic: z.string(), partition: z.number().int(), offset: z.string().nullable() }),
  count: z.number().int().min(1),
}) satisfies z.ZodType<RedriveMark & { v: 1 }>;

export type LedgerValue = z.infer<typeof ledgerValueSchema>;

const status = z.enum(["running", "completed", "cancelling", "cancelled", "failed"]);

export const taskSchema = z.object({
  id: z.string(),
  dlqTopic: z.string(),
  status,
  requestedBy: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  finishedAt: z.number().nullable(),
  target: z.string().nullable(),
  targets: z.record(z.string(), z.number()),
  ratePerSec: z.number(),
  force: z.boolean(),
  selection: z.union([
    z.object({ kind: z.literal("ids") }),
    z.object({ kind: z.literal("filter"), filter: redriveFilterSchema }),
  ]),
  total: z.number(),
  moved: z.number(),
  skipped: z.number(),
  failed: z.number(),
  error: z.string().nullable(),
  resumable: z.boolean(),
  resumes: z.number(),
}) satisfies z.ZodType<RedriveTask>;

export const taskRecordSchema = z.object({
  v: z.literal(1),
  task: taskSchema,
  /** The selected letters as offset ranges per partition (lib/dlq/offset-ranges). */
  letters: z.record(z.string(), z.string()),
});

export type TaskRecord = z.infer<typeof taskRecordSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  action: z.string(),
  by: z.string(),
  at: z.number(),
  outcome: z.enum(["completed", "cancelled", "failed", "started", "succeeded", "refused"]),
  dlqTopic: z.string().nullable(),
  taskId: z.string().nullable(),
  target: z.string().nullable(),
  letters: z.array(
    z.object({ id: z.string(), target: z.string(), partition: z.number(), offset: z.string().nullable() }),
  ),
  letterCount: z.number(),
  counts: z
    .object({ total: z.number(), moved: z.number(), skipped: z.number(), failed: z.number() })
    .nullable(),
  message: z.string().nullable(),
}) satisfies z.ZodType<AuditEntry>;

/** Parses a JSON record value; null when it is not one of ours. */
export function parseRecord<S extends z.ZodType>(schema: S, value: Buffer | null): z.output<S> | null {
  if (value === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(value.toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
