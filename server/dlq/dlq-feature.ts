/**
 * The dead-letters feature: DLQ topics, letters, re-drive tasks and the audit log. Takes the auth
 * service (mutations need a session; sign-ins go to the audit log). `createDlqFeature` takes other internal topic names (and a smaller re-drive ledger) for tests.
 */
import type { AuthService } from "@/server/auth";
import type { Ownership } from "@/server/cluster/ownership";
import type { Feature, ServingFeature } from "@/server/feature";
import { createDlqSocket } from "@/server/dlq/dlq-socket";
import { registerDlqRoutes } from "@/server/dlq/dlq-routes";
import { DlqService } from "@/server/dlq/dlq-service";
import { DEFAULT_INTERNAL_TOPICS, type InternalTopics } from "@/server/dlq/internal-topics";

export type DlqFeature = Feature<
  { auth: AuthService; ownership: Ownership | null },
  ServingFeature<DlqService>
>;

export function createDlqFeature(
  topics: InternalTopics = DEFAULT_INTERNAL_TOPICS,
  ledgerMaxBytes?: number,
): DlqFeature {
  return {
    name: "dlq",
    start(ctx, { auth, ownership }) {
      let service: DlqService | null = null;
      const socket = createDlqSocket(ctx.io, () => service?.tasks.running() ?? []);
      service = new DlqService(
        ctx.config,
        ctx.logger,
        topics,
        { changed: (t) => socket.changed(t) },
        ownership,
        ledgerMaxBytes,
      );
      const dlq = service;
      const unfollow = dlq.taskEvents.on((event) => socket.task(event.task));
      const unsubscribe = auth.onEvent((event) => {
        void dlq.audit.authEvent(event).catch(() => undefined);
      });
      registerDlqRoutes(ctx.router, dlq, auth);
      dlq.start();
      return {
        service: dlq,
        async stop() {
          unsubscribe();
          unfollow();
          socket.stop();
          await dlq.stop();
        },
      };
    },
  };
}

export const dlqFeature: DlqFeature = createDlqFeature();
