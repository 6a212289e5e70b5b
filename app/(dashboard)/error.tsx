"use client";

import { EmptyState } from "@/components/ui/empty-state";

export default function DashboardError({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <EmptyState title="This view failed to load" tone="error" testId="view-error">
      <p>{error.message}</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </EmptyState>
  );
}
