"use client";

/**
 * Alerts and rules live in the query cache: fetched once from the REST API, then replaced by every socket
 * push of the same shape (`alerts:changed`, `alerts:rules`). The shell's badge mounts the live updates,
 * so every page keeps the firing count current.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { type AlertRule, alertRulesResponseSchema, alertsResponseSchema } from "@/lib/alerts";
import { alertRulesRoute, alertsRoute, saveAlertRuleRoute } from "@/lib/api/alerts";
import { callApi } from "@/components/api/call-api";
import { useLiveSocket } from "@/components/live/live-socket-provider";
import { queryKeys } from "@/components/live/query-keys";

export function useAlerts() {
  return useQuery({
    queryKey: queryKeys.alerts,
    queryFn: () => callApi(alertsRoute),
    staleTime: Infinity,
  });
}

export function useAlertRules() {
  return useQuery({
    queryKey: queryKeys.alertRules,
    queryFn: () => callApi(alertRulesRoute),
    staleTime: Infinity,
  });
}

/** Writes pushes into the cache; after a reconnect it refetches what may have changed meanwhile. */
export function useAlertsLiveUpdates(): void {
  const socket = useLiveSocket();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const onAlerts = (payload: unknown) => {
      const parsed = alertsResponseSchema.safeParse(payload);
      if (parsed.success) queryClient.setQueryData(queryKeys.alerts, parsed.data);
    };
    const onRules = (payload: unknown) => {
      const parsed = alertRulesResponseSchema.safeParse(payload);
      if (parsed.success) queryClient.setQueryData(queryKeys.alertRules, parsed.data);
    };
    const onReconnect = () => void queryClient.invalidateQueries({ queryKey: ["alerts"] });
    socket.on("alerts:changed", onAlerts);
    socket.on("alerts:rules", onRules);
    socket.io.on("reconnect", onReconnect);
    return () => {
      socket.off("alerts:changed", onAlerts);
      socket.off("alerts:rules", onRules);
      socket.io.off("reconnect", onReconnect);
    };
  }, [socket, queryClient]);
}

/** `PUT /api/alerts/rules/:id`; the browser adds Origin and the session cookie (same origin). */
export function useSaveRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: AlertRule) => callApi(saveAlertRuleRoute, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.alertRules }),
  });
}
