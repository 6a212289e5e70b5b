"use client";

/** Dead-letter server data, one hook per resource; all of it lives in the TanStack Query cache. */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type {
  AuditResponse,
  DeadLetterDetail,
  DeadLettersResponse,
  DlqTopicsResponse,
  RedriveDryRunResponse,
  RedriveStartResponse,
  RedriveTask,
  RedriveTasksResponse,
} from "@/lib/api/dlq";
import type { RedriveRequestInput } from "@/lib/dlq";
import { fetchJson } from "@/components/api/fetch-json";
import { postJson } from "@/components/auth/use-session";
import { queryKeys } from "@/components/live/query-keys";

const topicPath = (topic: string) => `/api/dlq/${encodeURIComponent(topic)}`;

export function useDlqTopics() {
  return useQuery({
    queryKey: queryKeys.dlqTopics,
    queryFn: () => fetchJson<DlqTopicsResponse>("/api/dlq"),
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
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams(params);
      if (pageParam) search.set("cursor", pageParam);
      return fetchJson<DeadLettersResponse>(`${topicPath(topic)}/messages?${search}`);
    },
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useLetterDetail(id: string | null) {
  const [topic, partition, offset] = id ? [id.slice(0, id.indexOf("/")), ...id.split("/").slice(-2)] : [];
  return useQuery({
    queryKey: queryKeys.dlqLetter(id ?? ""),
    queryFn: () => fetchJson<DeadLetterDetail>(`${topicPath(topic ?? "")}/messages/${partition}/${offset}`),
    enabled: id !== null,
  });
}

export function useRedriveTasks(topic: string) {
  return useQuery({
    queryKey: queryKeys.redriveTasks(topic),
    queryFn: async () =>
      (await fetchJson<RedriveTasksResponse>(`/api/redrives?topic=${encodeURIComponent(topic)}&limit=5`))
        .tasks,
  });
}

/** A dry run, refetched whenever its inputs change; sends nothing. */
export function useDryRun(topic: string, request: RedriveRequestInput | null) {
  return useQuery({
    queryKey: ["dlq", "dry-run", topic, request],
    queryFn: () =>
      postJson<RedriveDryRunResponse>(`${topicPath(topic)}/redrive`, { ...request, dryRun: true }),
    enabled: request !== null,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useStartRedrive(topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: RedriveRequestInput) =>
      postJson<RedriveStartResponse>(`${topicPath(topic)}/redrive`, { ...request, dryRun: false }),
    onSuccess: ({ task }) => {
      client.setQueryData<RedriveTask[]>(queryKeys.redriveTasks(topic), (old) => [task, ...(old ?? [])]);
    },
  });
}

export function useTaskAction(topic: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: "cancel" | "resume" }) =>
      postJson<RedriveTask>(`/api/redrives/${encodeURIComponent(id)}/${action}`),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.redriveTasks(topic) }),
  });
}

export function useAudit(topic: string | null) {
  return useQuery({
    queryKey: queryKeys.audit(topic),
    queryFn: async () => {
      const q = topic ? `?topic=${encodeURIComponent(topic)}&limit=100` : "?limit=200";
      return (await fetchJson<AuditResponse>(`/api/audit${q}`)).entries;
    },
  });
}
