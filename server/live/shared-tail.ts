/**
 * The live tail across instances. Each instance reads only its share of the partitions, so what it
 * publishes to its own tail sockets also goes, a batch every flush interval, to the other instances
 * (socket.io's serverSideEmit over the Redis adapter), whose hubs publish it to their sockets: a browser
 * sees every partition whichever instance it is connected to. Per-client filters and caps stay where the
 * client is. Without Redis there are no other instances and nothing is sent.
 */
import { TAIL_MAX_PER_SEC } from "@/lib/live/contract-channels";
import type { EventSummary } from "@/lib/model/event";
import { FLUSH_MS, type TailHub } from "@/server/live/tail-hub";
import type { LiveServer } from "@/server/live/socket-server";

/**
 * Events of one topic sent to the other instances per flush at most: a quarter above the highest
 * per-client cap (2,500/s for 2,000/s), so a browser on another instance still gets its whole cap of one
 * topic. A busy topic — or a backlog being read — never crowds a quiet topic out of the other
 * instances' tails; what is left out of a busy topic is sampling the per-client caps would do anyway.
 */
export const MAX_SHARED_PER_TOPIC = Math.ceil((TAIL_MAX_PER_SEC * 1.25 * FLUSH_MS) / 1_000);
/** And in all per flush, which bounds the bytes one flush sends through Redis. */
export const MAX_SHARED_PER_FLUSH = 5_000;

export interface SharedTail {
  publish(event: EventSummary): void;
  stop(): void;
}

export function shareTail(io: LiveServer, hub: TailHub, clustered: boolean): SharedTail {
  if (!clustered) return { publish: (event) => hub.publish(event), stop: () => undefined };
  let pending: EventSummary[] = [];
  let perTopic = new Map<string, number>();
  const timer = setInterval(() => {
    if (pending.length === 0) return;
    io.serverSideEmit("tail:events", pending);
    pending = [];
    perTopic = new Map();
  }, FLUSH_MS);
  timer.unref();
  const fromOthers = (events: unknown) => {
    if (!Array.isArray(events)) return;
    for (const event of events as EventSummary[]) hub.publish(event);
  };
  io.on("tail:events", fromOthers);
  return {
    publish(event) {
      hub.publish(event);
      const n = perTopic.get(event.topic) ?? 0;
      if (n >= MAX_SHARED_PER_TOPIC || pending.length >= MAX_SHARED_PER_FLUSH) return;
      perTopic.set(event.topic, n + 1);
      pending.push(event);
    },
    stop() {
      clearInterval(timer);
      io.off("tail:events", fromOthers);
    },
  };
}
