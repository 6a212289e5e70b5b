/** Pushes re-drive progress and "this DLQ changed" hints to the sockets that joined the `dlq` channel. */
import type { RedriveTask } from "@/lib/api/dlq";
import type { LiveServer } from "@/server/live/socket-server";

const DLQ_ROOM = "dlq";
const CHANGED_EVERY_MS = 1_000;

export interface DlqSocket {
  task(task: RedriveTask): void;
  changed(dlqTopic: string): void;
  stop(): void;
}

export function createDlqSocket(io: LiveServer, activeTasks: () => RedriveTask[]): DlqSocket {
  const undefine = io.channels.define("dlq", {
    maxPerSocket: 1,
    room: () => DLQ_ROOM,
    join: () => ({ active: activeTasks() }),
  });

  // "Changed" hints are coalesced per topic: a re-drive moving 1,000 letters a second sends one a second.
  const dirty = new Set<string>();
  const timer = setInterval(() => {
    for (const topic of dirty) io.to(DLQ_ROOM).emit("dlq:changed", { topic });
    dirty.clear();
  }, CHANGED_EVERY_MS);
  timer.unref();

  return {
    task: (task) => io.to(DLQ_ROOM).emit("dlq:task", { ...task }),
    changed: (topic) => void dirty.add(topic),
    stop: () => {
      clearInterval(timer);
      undefine();
    },
  };
}
