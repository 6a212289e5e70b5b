import type { QueueSplit } from "@/lib/api/flow-latency";
import { formatDuration } from "@/components/traces/trace-format";

/**
 * A consume edge's hops split into queue time (until the group's committed offset reached the message)
 * and processing time (the rest of the hop). Commits are seen only by the lag poller, so the split is
 * shown with its precision, and only hops longer than that precision are split.
 */
export function EdgeQueueSplit({ split }: { split: QueueSplit | null }) {
  if (!split)
    return (
      <p data-testid="edge-queue-split-none">
        Queue vs processing time: no commit of this group past these messages has been seen yet (it takes a
        lag poll; produce edges have none).
      </p>
    );
  const precision = `± ${formatDuration(split.precisionMs)}`;
  if (!split.queue || !split.processing)
    return (
      <p data-testid="edge-queue-split-unknown">
        Queue vs processing time: unknown — these hops are shorter than the lag poll can resolve (commits are
        seen to within {precision}, {split.settled} hops measured).
      </p>
    );
  return (
    <p data-testid="edge-queue-split">
      Queue p50 {formatDuration(split.queue.p50)} (p99 {formatDuration(split.queue.p99)}) · processing p50{" "}
      {formatDuration(split.processing.p50)} (p99 {formatDuration(split.processing.p99)}) — from{" "}
      {split.queue.count} of {split.settled} hops measured; each known to within {precision}, as commits are
      seen only when the lag poller polls.
    </p>
  );
}
