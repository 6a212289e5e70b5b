/**
 * What happens to re-drive tasks, for whoever needs to know: the audit log writes its entries from these
 * events and the socket pushes progress. A listener may return a promise: `emit` waits for every listener,
 * and fails when one fails, so a task whose start cannot be audited does not start.
 */
import type { RedriveTask } from "@/lib/api/dlq";
import type { SentLetter } from "@/server/dlq/transaction";

/** Letters a finished task's event lists at most (the audit entry lists them; the ledger has every one). */
export const MAX_LISTED_LETTERS = 10_000;

export type TaskEvent =
  /** A task begins (or resumes) sending; nothing has been sent for it yet by this run. */
  | { type: "started"; task: RedriveTask; action: "redrive" | "redrive.resume"; by: string }
  /** A running task moved on (at most a few times a second), or is being cancelled. */
  | { type: "progress"; task: RedriveTask }
  /**
   * A task ended (completed, cancelled or failed): how many letters this run sent, the first
   * MAX_LISTED_LETTERS of them; `note` overrides the error.
   */
  | { type: "finished"; task: RedriveTask; sent: readonly SentLetter[]; sentCount: number; note?: string };

export type TaskListener = (event: TaskEvent) => void | Promise<void>;

export class TaskEvents {
  private readonly listeners = new Set<TaskListener>();

  on(listener: TaskListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async emit(event: TaskEvent): Promise<void> {
    await Promise.all([...this.listeners].map(async (listener) => listener(event)));
  }
}
