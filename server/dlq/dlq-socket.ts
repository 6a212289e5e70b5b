/** Pushes re-drive progress and "this DLQ changed" hints to the sockets that show dead letters. */
import type { RedriveTask } from "@/lib/api/dlq";
import { DLQ_ROOM } from "@/lib/live/contract-dlq";
import type { LiveServer } from "@/server/live/socket-server";

const CHANGED_EVERY_MS = 1_000;

export interface DlqSocket {
  task(task: RedriveTask): void;
  changed(dlqTopic: string): void;
  stop(): void;
}

export function createDlqSocket(io: LiveServer, activeTasks: () => RedriveTask[]): DlqSocket {
  io.on("connection", (socket) => {
    socket.on("dlq:subscribe", (ack) => {
      void socket.join(DLQ_ROOM);
      socket.data.views?.add(DLQ_ROOM);
      if (typeof ack === "function") ack(activeTasks());
    });
    socket.on("dlq:unsubscribe", () => {
      void socket.leave(DLQ_ROOM);
      socket.data.views?.delete(DLQ_ROOM);
    });
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
    stop: () => clearInterval(timer),
  };
}
