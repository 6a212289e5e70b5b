import { z } from "zod";
import { defineRoute, schemaResponse } from "@/lib/api/contract";
import { COLLECTOR_RUN_STATES } from "@/lib/model/status";

/** `GET /api/health`. A schema, not just a type, so tests and the UI can validate what they receive. */
export const healthResponseSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  uptimeSeconds: z.number(),
  broker: z.object({
    state: z.enum(["up", "down", "unknown"]),
    brokers: z.string(),
    clusterBrokers: z.number(),
    controllerId: z.number().nullable(),
    clusterId: z.string().nullable(),
    since: z.number(),
    checkedAt: z.number(),
    error: z.string().nullable(),
  }),
  /** The collector reading every topic: how much, how far behind the log end it is, the last problem. */
  collector: z
    .object({
      state: z.enum(COLLECTOR_RUN_STATES),
      topics: z.number(),
      partitions: z.number(),
      lag: z.number(),
      eventsRead: z.number(),
      decodeErrors: z.number(),
      lastEventAt: z.number().nullable(),
      lastError: z.string().nullable(),
    })
    .nullable(),
  /** The event store: what it holds, within which budgets, and which time window it still covers. */
  store: z
    .object({
      backend: z.enum(["embedded", "memory", "postgres"]),
      events: z.number(),
      diskBytes: z.number(),
      diskBudgetBytes: z.number(),
      bytesPerEvent: z.number(),
      retentionMs: z.number(),
      evictedEvents: z.number(),
      expiredPayloadEvents: z.number(),
      window: z.object({
        from: z.number().nullable(),
        to: z.number().nullable(),
        events: z.number(),
        evicted: z.boolean(),
      }),
    })
    .nullable(),
  /**
   * The process's memory as the OS counts it (RSS), against the configured budget; `heapLimitBytes` is V8's
   * heap limit, which the budget sets when the server is started as `npm start` starts it.
   */
  memory: z.object({
    rssBytes: z.number(),
    heapUsedBytes: z.number(),
    heapLimitBytes: z.number(),
    budgetBytes: z.number(),
  }),
});

export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const healthRoute = defineRoute({
  method: "GET",
  path: "/api/health",
  summary: "Broker, collector, store and memory status; `?fresh=1` checks the broker now",
  query: z.object({ fresh: z.string().optional() }),
  response: schemaResponse("Status of the server and what it depends on", healthResponseSchema),
});
