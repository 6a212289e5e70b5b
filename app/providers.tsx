"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { LiveSocketProvider } from "@/components/live/live-socket-provider";

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab; created in state so a re-render never throws the cache away.
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: false, retry: 1 } },
      }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <LiveSocketProvider>{children}</LiveSocketProvider>
    </QueryClientProvider>
  );
}
