import { z } from "zod";

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
    since: z.number(),
    checkedAt: z.number(),
    error: z.string().nullable(),
  }),
});

export type HealthResponse = z.infer<typeof healthResponseSchema>;
