/** Which of two records of one re-drive task is current. */
import { FINAL_REDRIVE_STATUSES, type RedriveTask } from "@/lib/api/dlq";

/**
 * Whether `next` replaces `held`: the later one wins. Records of the same millisecond (a cancel and the end
 * it causes) are ordered by status: an ending is never undone by the progress record that preceded it,
 * whichever of the two is read last.
 */
export function supersedes(next: RedriveTask, held: RedriveTask): boolean {
  if (next.updatedAt !== held.updatedAt) return next.updatedAt > held.updatedAt;
  return FINAL_REDRIVE_STATUSES.includes(next.status) || !FINAL_REDRIVE_STATUSES.includes(held.status);
}
