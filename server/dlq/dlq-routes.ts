/** The dead-letter REST API (README "HTTP API"): read-only routes are open, mutating ones need a session. */
import type { RedriveResponse } from "@/lib/api/dlq";
import {
  auditRoute,
  cancelRedriveRoute,
  deadLetterRoute,
  deadLettersRoute,
  dlqTopicsRoute,
  redriveRoute,
  redrivesRoute,
  redriveTaskRoute,
  resumeRedriveRoute,
} from "@/lib/api/dlq-routes";
import { ledgerKey } from "@/lib/dlq";
import { AppError } from "@/lib/errors";
import type { AuthService } from "@/server/auth";
import { Reply, type Router } from "@/server/http/router";
import type { DlqService } from "@/server/dlq/dlq-service";
import { detail, listLetters } from "@/server/dlq/views";

export function registerDlqRoutes(router: Router, dlq: DlqService, auth: AuthService): void {
  router.route(dlqTopicsRoute, () => ({ state: dlq.dlqState, topics: dlq.topicSummaries() }));

  router.route(deadLettersRoute, ({ params, query }) => {
    const store = dlq.store(params.topic);
    return listLetters(store, dlq.state.ledger, query, dlq.dlqState);
  });

  router.route(deadLetterRoute, ({ params }) => {
    const store = dlq.store(params.topic);
    const id = ledgerKey(store.topic, Number(params.partition), params.offset);
    const letter = store.get(id);
    if (!letter) throw new AppError("not_found", `no dead letter ${id}`);
    return detail(letter, dlq.state.ledger);
  });

  router.route(redriveRoute, async ({ req, params, body }) => {
    const who = await auth.requireAdmin(req);
    const request = await body();
    dlq.requireReady();
    const answer = await dlq.redrive.redrive(params.topic, request, who.user);
    return answer.dryRun ? answer : new Reply<RedriveResponse>(202, answer);
  });

  router.route(redrivesRoute, ({ query }) => ({
    tasks: dlq.tasks.list({ dlqTopic: query.topic, limit: query.limit }),
  }));

  router.route(redriveTaskRoute, ({ params }) => dlq.tasks.get(params.taskId));

  router.route(cancelRedriveRoute, async ({ req, params }) => {
    await auth.requireAdmin(req);
    return dlq.redrive.cancel(params.taskId);
  });

  router.route(resumeRedriveRoute, async ({ req, params }) => {
    const who = await auth.requireAdmin(req);
    dlq.requireReady();
    return dlq.redrive.resume(params.taskId, who.user);
  });

  router.route(auditRoute, ({ query }) => ({
    entries: dlq.state.auditEntries({ dlqTopic: query.topic, limit: query.limit }),
  }));
}
