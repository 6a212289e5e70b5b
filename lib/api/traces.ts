/** `GET /api/traces` and `GET /api/traces/:id`: recent trace summaries and one stitched trace. */
import { z } from "zod";
import type { IndexWindow } from "@/lib/api/events";
import type { StitchedTrace, TraceSummary } from "@/lib/traces";

export const tracesQuerySchema = z.object({
  service: z.string().max(200).optional(),
  topic: z.string().max(249).optional(),
  status: z.enum(["ok", "error", "in-progress"]).optional(),
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
