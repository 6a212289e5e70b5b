"use client";

/** Dead-letter server data, one hook per resource; all of it lives in the TanStack Query cache. */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { RedriveStartResponse, RedriveTask } from "@/lib/api/dlq";
import {
  auditRoute,
  cancelRedriveRoute,
  deadLetterRoute,
  deadLettersRoute,
  dlqTopicsRoute,
  redriveRoute,
  redrivesRoute,
  resumeRedriveRoute,
} from "@/lib/api/dlq-routes";
import type { RedriveRequestInput } from "@/lib/dlq";
import { callApi } from "@/components/api/call-api";
import { queryKeys } from "@/components/live/query-keys";

export function useDlqTopics() {
  return useQuery({
    queryKey: queryKeys.dlqTopics,
    queryFn: () => callApi(dlqTopicsRoute),
    // While the ledger loads the counts are incomplete: look again soon.
    refetchInterval: (q) => (q.state.data?.state === "loading" ? 1_500 : 30_000),
  });
}

export interface LettersQuery {
  status: "all" | "pending" | "redriven";
  errorType?: string;
  q?: string;
}

export function useDeadLetters(topic: string, query: LettersQuery) {
  const params: Record<string, string> = { status: query.status, limit: "100" };
  if (query.errorType !== undefined) params.errorType = query.errorType;
  if (query.q) params.q = query.q;
  return useInfiniteQuery({
    queryKey: queryKeys.dlqLetters(topic, params),
    queryFn: ({ pageParam }) =>
      callApi(deadLettersRoute, {
        params: { topic },
        query: { ...params, cursor: pageParam || undefined },
      }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useLetterDetail(id: string | null) {
  const [topic, partition, offset] = id ? [id.slice(0, id.indexOf("/")), ...id.split("/").slice(-2)] : [];
  return useQuery({
    queryKey: queryKeys.dlqLetter(id ?? ""),
    queryFn: () =>
      callApi(deadLetterRoute, {
        params: { topic: topic ?? "", partition: partition ?? "", offset: offset ?? "" },
      }),
    enabled: id !== null,
  });
}

export function useRedriveTasks(topic: string) {
  return useQuery({
    queryKey: queryKeys.redriveTasks(topic),
    queryFn: async () => (await callApi(redrivesRoute, { query: { topic, limit: 5 } })).tasks,
  });
}

/** A dry run, refetched whenever its inputs change; sends nothing. */
export function useDryRun(topic: string, request: RedriveRequestInput | null) {
  return useQuery({
    queryKey: ["dlq", "dry-run", topic, request],
    queryFn: () => callApi(redriveRoute, { params: { topic }, body: { ...request, dryRun: true } }),
    enabled: request !== null,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useStartRedrive(topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (request: RedriveRequestInput): Promise<RedriveStartResponse> => {
      const answer = await callApi(redriveRoute, { params: { topic }, body: { ...request, dryRun: false } });
      if (answer.dryRun) throw new Error("the server planned the re-drive instead of starting it");
      return answer;
    },
    onSuccess: ({ task }) => {
      client.setQueryData<RedriveTask[]>(queryKeys.redriveTasks(topic), (old) => [task, ...(old ?? [])]);
    },
  });
}

export function useTaskAction(topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: "cancel" | "resume" }) =>
      callApi(action === "cancel" ? cancelRedriveRoute : resumeRedriveRoute, { params: { taskId: id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.redriveTasks(topic) }),
  });
}

export function useAudit(topic: string | null) {
  return useQuery({
    queryKey: queryKeys.audit(topic),
    queryFn: async () => {
      const query = topic ? { topic, limit: 100 } : { limit: 200 };
      return (await callApi(auditRoute, { query })).entries;
    },
  });
}
