"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function TraceError({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <EmptyState title="This trace could not be shown" tone="error" testId="trace-error">
      <p>{error.message}</p>
      <p>
        <Button onClick={reset}>Try again</Button> <Link href="/traces">Back to recent traces</Link>
      </p>
    </EmptyState>
  );
}
