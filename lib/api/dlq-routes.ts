/** The dead-letter, re-drive and audit routes (shapes in lib/api/dlq.ts). Mutating routes need an admin. */
import { z } from "zod";
import { defineRoute, typedResponse } from "@/lib/api/contract";
import type {
  AuditResponse,
  DeadLetterDetail,
  DeadLettersResponse,
  DlqTopicsResponse,
  RedriveResponse,
  RedriveTask,
  RedriveTasksResponse,
} from "@/lib/api/dlq";
import { MAX_REDRIVE_IDS, redriveRequestSchema } from "@/lib/dlq";

const topicParams = z.object({ topic: z.string() });
const taskParams = z.object({ taskId: z.string() });

/** `GET /api/redrives` and `GET /api/audit`: optionally one DLQ topic, newest first. */
const listQuery = z.object({
  topic: z.string().max(249).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const dlqTopicsRoute = defineRoute({
  method: "GET",
  path: "/api/dlq",
  summary: "DLQ topics (by name or by dead-letter headers) with pending and re-driven counts",
  response: typedResponse<DlqTopicsResponse>("The DLQ topics"),
});

export const deadLettersRoute = defineRoute({
  method: "GET",
  path: "/api/dlq/:topic/messages",
  summary: "Dead letters of one DLQ topic, newest first, grouped by error; paged with `cursor`",
  params: topicParams,
  query: z.object({
    status: z.enum(["all", "pending", "redriven"]).default("all"),
    errorType: z.string().max(500).optional(),
    q: z.string().trim().min(1).max(500).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(100).optional(),
  }),
  response: typedResponse<DeadLettersResponse>("One page of letters and the error groups"),
});

export const deadLetterRoute = defineRoute({
  method: "GET",
  path: "/api/dlq/:topic/messages/:partition/:offset",
  summary: "One dead letter with its origin, error, headers, key and value",
  params: z.object({ topic: z.string(), partition: z.string(), offset: z.string() }),
  response: typedResponse<DeadLetterDetail>("The letter"),
});

export const redriveRoute = defineRoute({
  method: "POST",
  path: "/api/dlq/:topic/redrive",
  summary: "Plan (`dryRun: true`) or start a re-drive task of selected letters back to their origin",
  access: "admin",
  params: topicParams,
  body: redriveRequestSchema,
  // Up to MAX_REDRIVE_IDS ids of about 280 bytes each, plus the rest of the body.
  bodyLimitBytes: MAX_REDRIVE_IDS * 300 + 64 * 1024,
  response: typedResponse<RedriveResponse>("The plan; with a started task, HTTP 202"),
});

export const redrivesRoute = defineRoute({
  method: "GET",
  path: "/api/redrives",
  summary: "Re-drive tasks, newest first, optionally of one DLQ topic",
  query: listQuery,
  response: typedResponse<RedriveTasksResponse>("The tasks"),
});

export const redriveTaskRoute = defineRoute({
  method: "GET",
  path: "/api/redrives/:taskId",
  summary: "One re-drive task with its progress",
  params: taskParams,
  response: typedResponse<RedriveTask>("The task"),
});

export const cancelRedriveRoute = defineRoute({
  method: "POST",
  path: "/api/redrives/:taskId/cancel",
  summary: "Cancel a running re-drive task",
  access: "admin",
  params: taskParams,
  response: typedResponse<RedriveTask>("The task, cancelling"),
});

export const resumeRedriveRoute = defineRoute({
  method: "POST",
  path: "/api/redrives/:taskId/resume",
  summary: "Resume a re-drive task that stopped before its end",
  access: "admin",
  params: taskParams,
  response: typedResponse<RedriveTask>("The task, running again"),
});

export const auditRoute = defineRoute({
  method: "GET",
  path: "/api/audit",
  summary: "Audit log of re-drives and sign-ins, newest first, optionally of one DLQ topic",
  query: listQuery,
  response: typedResponse<AuditResponse>("The entries"),
});
