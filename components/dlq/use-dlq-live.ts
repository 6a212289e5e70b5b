"use client";

/**
 * Joins the socket's dead-letter view while a dead-letter page is open. Task progress is written into
 * the tasks cache (setQueryData: small and frequent); "this DLQ changed" only invalidates what shows it.
 */
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { FINAL_REDRIVE_STATUSES, type RedriveTask } from "@/lib/api/dlq";
import { useLiveSocket } from "@/components/live/live-socket-provider";
import { queryKeys } from "@/components/live/query-keys";

function putTask(client: QueryClient, task: RedriveTask): void {
  client.setQueryData<RedriveTask[]>(queryKeys.redriveTasks(task.dlqTopic), (old) => {
    const rest = (old ?? []).filter((t) => t.id !== task.id);
    return [task, ...rest].sort((a, b) => b.createdAt - a.createdAt);
  });
  if (FINAL_REDRIVE_STATUSES.includes(task.status)) {
    void client.invalidateQueries({ queryKey: queryKeys.audit(task.dlqTopic) });
    void client.invalidateQueries({ queryKey: queryKeys.audit(null) });
  }
}

export function useDlqLive(): void {
  const socket = useLiveSocket();
  const client = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const subscribe = () =>
      socket.emit("dlq:subscribe", (active) => active.forEach((t) => putTask(client, t)));
    const onTask = (task: RedriveTask) => putTask(client, task);
    const onChanged = ({ topic }: { topic: string }) => {
      void client.invalidateQueries({ queryKey: queryKeys.dlqTopics });
      void client.invalidateQueries({ queryKey: queryKeys.dlqTopicLetters(topic) });
    };
    socket.on("connect", subscribe);
    socket.on("dlq:task", onTask);
    socket.on("dlq:changed", onChanged);
    if (socket.connected) subscribe();
    return () => {
      socket.off("connect", subscribe);
      socket.off("dlq:task", onTask);
      socket.off("dlq:changed", onChanged);
      socket.emit("dlq:unsubscribe");
    };
  }, [socket, client]);
}
