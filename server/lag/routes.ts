/** `GET /api/lag` and `GET /api/lag/:group` (shapes in lib/api/lag.ts). */
import { lagGroupRoute, lagGroupsRoute } from "@/lib/api/lag";
import { AppError } from "@/lib/errors";
import type { Router } from "@/server/http/router";
import type { LagService } from "@/server/lag/service";

export function registerLagRoutes(router: Router, service: LagService): void {
  // Right after start, answer with the first poll rather than with an empty table.
  router.route(lagGroupsRoute, async () => {
    await service.ready();
    return service.groups();
  });

  router.route(lagGroupRoute, async ({ params }) => {
    await service.ready();
    const id = params.group;
    const detail = service.group(id);
    if (detail) return detail;
    const { observedAt, error } = service.groups();
    if (observedAt === null) {
      throw new AppError(
        "unavailable",
        `consumer lag is not available yet: ${error ? `Kafka does not answer (${error})` : "the first poll has not finished"}`,
      );
    }
    throw new AppError(
      "not_found",
      `no consumer group "${id}": Kafka did not list it at the last poll (${new Date(observedAt).toISOString()})`,
    );
  });
}
