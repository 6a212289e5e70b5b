/** The dead-letter REST API (README "HTTP API"): read-only routes are open, mutating ones need a session. */
import { z } from "zod";
import type {
  AuditResponse,
  DeadLetterDetail,
  DeadLettersResponse,
  DlqTopicsResponse,
  RedriveResponse,
  RedriveTask,
  RedriveTasksResponse,
} from "@/lib/api/dlq";
import { ledgerKey, MAX_REDRIVE_IDS, redriveRequestSchema } from "@/lib/dlq";
import { AppError } from "@/lib/errors";
import { type AuthService, readJsonBody } from "@/server/auth";
import type { Router } from "@/server/http/router";
import { sendJson } from "@/server/http/router";
import type { DlqService } from "@/server/dlq/dlq-service";
import { planBlocker, planRedrive } from "@/server/dlq/planner";
import { detail, listLetters } from "@/server/dlq/views";

const lettersQuery = z.object({
  status: z.enum(["all", "pending", "redriven"]).default("all"),
  errorType: z.string().max(500).optional(),
  q: z.string().trim().min(1).max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(100).optional(),
});

const listQuery = z.object({
  topic: z.string().max(249).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

function query<S extends z.ZodType>(schema: S, url: URL): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success)
    throw new AppError(
      "bad_request",
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  return parsed.data;
}

// 10,000 ids of up to ~280 bytes each, plus the rest of the body.
const REDRIVE_BODY_LIMIT = MAX_REDRIVE_IDS * 300 + 64 * 1024;

export function registerDlqRoutes(router: Router, dlq: DlqService, auth: AuthService): void {
  router.get("/api/dlq", (): DlqTopicsResponse => ({ state: dlq.dlqState, topics: dlq.topicSummaries() }));

  router.get("/api/dlq/:topic/messages", ({ params, url }): DeadLettersResponse => {
    const store = dlq.store(params.topic ?? "");
    return listLetters(store, dlq.state.ledger, query(lettersQuery, url), dlq.dlqState);
  });

  router.get("/api/dlq/:topic/messages/:partition/:offset", ({ params }): DeadLetterDetail => {
    const store = dlq.store(params.topic ?? "");
    const id = ledgerKey(store.topic, Number(params.partition), params.offset ?? "");
    const letter = store.get(id);
    if (!letter) throw new AppError("not_found", `no dead letter ${id}`);
    return detail(letter, dlq.state.ledger);
  });

  router.post("/api/dlq/:topic/redrive", async ({ req, res, params }) => {
    const who = auth.requireAdmin(req);
    const request = await readJsonBody(req, redriveRequestSchema, REDRIVE_BODY_LIMIT);
    dlq.requireReady();
    const store = dlq.loadedStore(params.topic ?? "");
    const existingTopics = await dlq.existingTopics();
    if (request.dryRun) {
      const { plan } = planRedrive({ request, store, ledger: dlq.state.ledger, existingTopics });
      return { dryRun: true, plan } satisfies RedriveResponse;
    }
    // Claimed before planning and released only if no task starts: a second click waits for nothing, it is refused.
    const release = dlq.tasks.claim(store.topic);
    try {
      const { plan, send } = planRedrive({ request, store, ledger: dlq.state.ledger, existingTopics });
      const blocker = planBlocker(plan, request);
      if (blocker) throw blocker;
      const task = await dlq.tasks.start({ plan, send, request, by: who.user });
      sendJson(res, 202, { dryRun: false, plan, task } satisfies RedriveResponse);
    } finally {
      release();
    }
  });

  router.get("/api/redrives", ({ url }): RedriveTasksResponse => {
    const q = query(listQuery, url);
    return { tasks: dlq.tasks.list({ dlqTopic: q.topic, limit: q.limit }) };
  });

  router.get("/api/redrives/:taskId", ({ params }): RedriveTask => dlq.tasks.get(params.taskId ?? ""));

  router.post("/api/redrives/:taskId/cancel", ({ req, params }): RedriveTask => {
    auth.requireAdmin(req);
    return dlq.tasks.cancel(params.taskId ?? "");
  });

  router.post("/api/redrives/:taskId/resume", async ({ req, params }): Promise<RedriveTask> => {
    const who = auth.requireAdmin(req);
    dlq.requireReady();
    return dlq.tasks.resume(params.taskId ?? "", who.user);
  });

  router.get("/api/audit", ({ url }): AuditResponse => {
    const q = query(listQuery, url);
    return { entries: dlq.state.auditEntries({ dlqTopic: q.topic, limit: q.limit }) };
  });
}
