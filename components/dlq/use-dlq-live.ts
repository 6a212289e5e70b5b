"use client";

/**
 * Joins the `dlq` channel while a dead-letter page is open. Task progress is written into
 * the tasks cache (setQueryData: small and frequent); "this DLQ changed" only invalidates what shows it.
 */
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { FINAL_REDRIVE_STATUSES, type RedriveTask } from "@/lib/api/dlq";
import { useChannel } from "@/components/live/use-channel";
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

const DLQ_CHANNEL = { channel: "dlq" } as const;

export function useDlqLive(): void {
  const client = useQueryClient();
  useChannel(DLQ_CHANNEL, {
    on: {
      "dlq:task": (task) => putTask(client, task),
      "dlq:changed": ({ topic }) => {
        void client.invalidateQueries({ queryKey: queryKeys.dlqTopics });
        void client.invalidateQueries({ queryKey: queryKeys.dlqTopicLetters(topic) });
      },
    },
    onJoin: ({ active }) => active.forEach((t) => putTask(client, t)),
  });
}
