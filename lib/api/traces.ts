/** `GET /api/traces` and `GET /api/traces/:id`: recent trace summaries and one stitched trace. */
import { z } from "zod";
import { defineRoute, typedResponse } from "@/lib/api/contract";
import type { IndexWindow } from "@/lib/api/events";
import { type StitchedTrace, TRACE_STATUSES, type TraceSummary } from "@/lib/traces";

export const tracesQuerySchema = z.object({
  service: z.string().max(200).optional(),
  topic: z.string().max(249).optional(),
  status: z.enum(TRACE_STATUSES).optional(),
  minDurationMs: z.coerce.number().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TracesQuery = z.infer<typeof tracesQuerySchema>;

export interface TracesResponse {
  traces: TraceSummary[];
  window: IndexWindow;
  /**
   * True when the list stopped at its work budget (a filter that rarely matches): the traces found so far
   * are answered, and `scannedBackTo` says how far back the search reached.
   */
  partial: boolean;
  scannedBackTo: number | null;
}

export interface TraceResponse {
  /** What the pasted term was recognised as. */
  query: {
    raw: string;
    kind: "trace-id" | "traceparent" | "b3" | "other";
    matchedBy: "trace-id" | "correlation-id" | "message-id";
  };
  /** Hops carry event summaries (with a short preview); the detail panel fetches `/api/events/:id`. */
  trace: StitchedTrace;
  summary: TraceSummary;
  /** True when the trace had more linked events than the cap and was cut. */
  truncated: boolean;
  /** For each dead-letter hop: where to see it on the Dead letters page. */
  deadLetterLinks: Record<string, string>;
}

export const tracesRoute = defineRoute({
  method: "GET",
  path: "/api/traces",
  summary: "Recent traces, newest first, filtered by service, topic, status and duration",
  query: tracesQuerySchema,
  response: typedResponse<TracesResponse>("Trace summaries and the store's window"),
});

export const traceRoute = defineRoute({
  method: "GET",
  path: "/api/traces/:id",
  summary: "One stitched trace by trace id, traceparent, B3 id, correlation id or message id",
  params: z.object({
    id: z
      .string()
      .trim()
      .min(1, "give a trace id, a traceparent, a B3 id or a correlation id")
      .max(512, "give a trace id, a traceparent, a B3 id or a correlation id"),
  }),
  response: typedResponse<TraceResponse>("The trace"),
});
