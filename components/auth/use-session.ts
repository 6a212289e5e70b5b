"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { sessionRoute, signInRoute, signOutRoute } from "@/lib/api/auth";
import type { SessionResponse } from "@/lib/api/dlq";
import { callApi } from "@/components/api/call-api";
import { queryKeys } from "@/components/live/query-keys";

/** Who is signed in; read-only pages use it to enable or explain their actions. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: () => callApi(sessionRoute),
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
      callApi(signInRoute, { body: input }),
    onSuccess: setSession,
  });
}

export function useSignOut() {
  const setSession = useSetSession();
  return useMutation({
    mutationFn: () => callApi(signOutRoute),
    onSuccess: setSession,
  });
}
