/**
 * The dead-letters feature: DLQ topics, letters, re-drive tasks and the audit log. Needs the auth
 * feature started before it. `createDlqFeature` takes other internal topic names for tests.
 */
import { getAuth } from "@/server/auth";
import type { Feature } from "@/server/feature";
import { createDlqSocket } from "@/server/dlq/dlq-socket";
import { registerDlqRoutes } from "@/server/dlq/dlq-routes";
import { DlqService } from "@/server/dlq/dlq-service";
import { DEFAULT_INTERNAL_TOPICS, type InternalTopics } from "@/server/dlq/internal-topics";

export const DLQ_REGISTRY_KEY = "dlq";

export function createDlqFeature(topics: InternalTopics = DEFAULT_INTERNAL_TOPICS): Feature {
  return {
    name: "dlq",
    start(ctx) {
      const auth = getAuth(ctx);
      let service: DlqService | null = null;
      const socket = createDlqSocket(ctx.io, () => service?.tasks.activeTasks() ?? []);
      service = new DlqService(ctx.config, ctx.logger, topics, {
        task: (t) => socket.task(t),
        changed: (t) => socket.changed(t),
      });
      const dlq = service;
      const unsubscribe = auth.onEvent((event) => {
        void dlq.audit.authEvent(event).catch(() => undefined);
      });
      registerDlqRoutes(ctx.router, dlq, auth);
      ctx.registry.set(DLQ_REGISTRY_KEY, dlq);
      dlq.start();
      return {
        async stop() {
          unsubscribe();
          socket.stop();
          await dlq.stop();
        },
      };
    },
  };
}

export const dlqFeature: Feature = createDlqFeature();
