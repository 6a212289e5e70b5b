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
import { planBlocker, planRedrive } from "@/server/dlq/planner";
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
    const who = auth.requireAdmin(req);
    const request = await body();
    dlq.requireReady();
    const store = dlq.loadedStore(params.topic);
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
      return new Reply<RedriveResponse>(202, { dryRun: false, plan, task });
    } finally {
      release();
    }
  });

  router.route(redrivesRoute, ({ query }) => ({
    tasks: dlq.tasks.list({ dlqTopic: query.topic, limit: query.limit }),
  }));

  router.route(redriveTaskRoute, ({ params }) => dlq.tasks.get(params.taskId));

  router.route(cancelRedriveRoute, ({ req, params }) => {
    auth.requireAdmin(req);
    return dlq.tasks.cancel(params.taskId);
  });

  router.route(resumeRedriveRoute, async ({ req, params }) => {
    const who = auth.requireAdmin(req);
    dlq.requireReady();
    return dlq.tasks.resume(params.taskId, who.user);
  });

  router.route(auditRoute, ({ query }) => ({
    entries: dlq.state.auditEntries({ dlqTopic: query.topic, limit: query.limit }),
  }));
}
