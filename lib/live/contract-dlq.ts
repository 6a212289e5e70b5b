/**
 * The dead-letter part of the socket contract (merged into socket-contract.ts). A client that shows dead
 * letters joins the `dlq` channel; the server then pushes task progress and "this DLQ changed" hints.
 * Counts and letters themselves stay in the REST API: a hint only tells the client what to refetch.
 */
import type { RedriveTask } from "@/lib/api/dlq";

export interface DlqServerToClientEvents {
  /** A re-drive task changed (progress ≈ 4×/s while running, and every status change). */
  "dlq:task": (task: RedriveTask) => void;
  /** Letters arrived in, or were re-driven from, this DLQ topic (≤ 1×/s per topic). */
  "dlq:changed": (change: { topic: string }) => void;
}
