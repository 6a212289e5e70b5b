import type { Metadata } from "next";
import { Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { TracesView } from "@/components/traces/traces-view";

export const metadata: Metadata = { title: "Traces" };

// The view reads its filter from the URL (useSearchParams), which needs a Suspense boundary to prerender.
export default function TracesPage() {
  return (
    <Suspense fallback={<Skeleton rows={10} />}>
      <TracesView />
    </Suspense>
  );
}
