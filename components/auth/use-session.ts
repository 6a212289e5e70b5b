"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SessionResponse } from "@/lib/api/dlq";
import { fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/components/live/query-keys";

/** POSTs JSON to the API; the browser adds Origin and the session cookie (same origin). */
export function postJson<T>(path: string, body?: unknown): Promise<T> {
  return fetchJson<T>(path, {
    method: "POST",
    credentials: "same-origin",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Who is signed in; read-only pages use it to enable or explain their actions. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: () => fetchJson<SessionResponse>("/api/auth/session", { credentials: "same-origin" }),
    staleTime: 60_000,
  });
}

/**
 * Stores the session a sign-in or sign-out answered with. A session fetch that started before (the
 * sign-in page asks on mount) is cancelled first: answering later, it would put the old state back.
 */
function useSetSession() {
  const client = useQueryClient();
  return async (session: SessionResponse) => {
    await client.cancelQueries({ queryKey: queryKeys.session });
    client.setQueryData(queryKeys.session, session);
  };
}

export function useSignIn() {
  const setSession = useSetSession();
  return useMutation({
    mutationFn: (input: ({ token: string } | { code: string }) & { name?: string }) =>
      postJson<SessionResponse>("/api/auth/sign-in", input),
    onSuccess: setSession,
  });
}

export function useSignOut() {
  const setSession = useSetSession();
  return useMutation({
    mutationFn: () => postJson<SessionResponse>("/api/auth/sign-out"),
    onSuccess: setSession,
  });
}
